// No secret in any output: every cli() call checks stdout and stderr for the
// API key, a sensitive variable's value and anything shaped like a JWT. These
// tests add the paths most likely to leak one: verbose logs of every command,
// errors after a sign-in, and the files an import writes.

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

class SecretsTest : public CliTest {};

TEST_F(SecretsTest, VerboseRunsOfEveryCommandShowNoSecret) {
  write_file("people.csv",
             "email,first_name,last_name,role\n"
             "new@example.com,New,Person,DefaultUserRole\n"
             "maya@example.com,Maya,Okonkwo,DefaultUserRole\n"
             "bad,Bad,Row,DefaultUserRole\n");

  EXPECT_EQ(cli({"-v", "list", "--format", "json"}).exit_code, 0);
  EXPECT_EQ(cli({"-v", "invite", "--email", "x@example.com", "--first-name", "X", "--last-name",
                 "Y", "--role", "DefaultUserRole"})
                .exit_code,
            0);
  EXPECT_EQ(cli({"-v", "update", "u-zoe", "--first-name", "Zoe"}).exit_code, 0);
  EXPECT_EQ(cli({"-v", "update", "u-nobody", "--first-name", "Zoe"}).exit_code, 1);
  EXPECT_EQ(cli({"-v", "delete", "u-misaki", "--yes"}).exit_code, 0);
  EXPECT_EQ(cli({"-v", "import", path("people.csv")}).exit_code, 3);
  EXPECT_EQ(cli({"-v", "export", "--format", "json"}).exit_code, 0);

  expect_no_secrets(read_file("people.csv.journal"));
  expect_no_secrets(read_file("people.csv.failures.csv"));
}

TEST_F(SecretsTest, AnExpiredSessionIsReportedWithoutTheToken) {
  amigo::testing::Fault refused;
  refused.method = "GET";
  refused.path = "/v1/cli-org/user/";
  refused.status = 401;
  refused.count = -1;
  emulator_->add_fault(refused);

  const ProcessResult result = cli({"--verbose", "list"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("401"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace amigo_cli_test
