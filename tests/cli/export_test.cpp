// amigo-users export: every user, page after page, as CSV or JSON lines.

#include <filesystem>
#include <set>

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

class ExportTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    emulator_->generate_users(kOrganization, 250);  // three pages of 100
  }
};

TEST_F(ExportTest, CsvFileHasAHeaderAndOneRowPerUser) {
  const ProcessResult result = cli({"export", "--output", path("users.csv")});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "exported 253 users to " + path("users.csv") + "\n");
  const std::vector<std::string> lines = lines_of(read_file("users.csv"));
  ASSERT_EQ(lines.size(), 1U + 253U);
  EXPECT_EQ(lines[0],
            "user_id,email,first_name,last_name,role,timezone,language,num_conversations,"
            "num_messages,last_message_time");
  EXPECT_FALSE(std::filesystem::exists(path("users.csv.partial")));
  EXPECT_EQ(emulator_->counters().requests_of("list_users"), 3U);
}

TEST_F(ExportTest, JsonToStdoutIsOneObjectPerLine) {
  const ProcessResult result = cli({"export", "--format", "json"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "exported 253 users\n");
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 253U);
  std::set<std::string> ids;
  for (const std::string& line : lines) ids.insert(nlohmann::json::parse(line).at("user_id"));
  EXPECT_EQ(ids.size(), 253U);
}

TEST_F(ExportTest, CsvMatchesListingEveryPage) {
  const ProcessResult exported = cli({"export"});
  const ProcessResult listed = cli({"list", "--all", "--format", "csv"});

  EXPECT_EQ(exported.exit_code, 0);
  EXPECT_EQ(exported.out, listed.out);
}

TEST_F(ExportTest, AnUnwritableOutputIsAUsageErrorAndLeavesNothing) {
  const ProcessResult result = cli({"export", "--output", path("missing-dir/users.csv")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "amigo-users: cannot write " + path("missing-dir/users.csv.partial") +
                            ": No such file or directory\n");
}

TEST_F(ExportTest, AFailedExportLeavesNoFileBehind) {
  amigo::testing::Fault down;
  down.method = "GET";
  down.path = "/v1/cli-org/user/";
  down.status = 403;
  down.count = -1;
  emulator_->add_fault(down);

  const ProcessResult result = cli({"export", "--output", path("users.csv")});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(path("users.csv")));
  EXPECT_FALSE(std::filesystem::exists(path("users.csv.partial")));
}

}  // namespace
}  // namespace amigo_cli_test
