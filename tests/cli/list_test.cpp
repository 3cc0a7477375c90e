// amigo-users list: each format, filters, sorting, paging.

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

class ListTest : public CliTest {};

TEST_F(ListTest, TableAlignsColumnsWhateverTheScript) {
  const ProcessResult result = cli({"list", "--sort", "last_name"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "USER ID   NAME          EMAIL              ROLE             TIMEZONE          "
            "LANGUAGE  LAST MESSAGE (UTC)\n"
            "u-zoe     Zoë Müller    zoe@example.de     DefaultUserRole  -                 "
            "-         -\n"
            "u-admin   Maya Okonkwo  maya@example.com   Admin            America/New_York  "
            "eng       2024-11-02 09:15\n"
            "u-misaki  美咲 佐藤     misaki@example.jp  DefaultUserRole  Asia/Tokyo        "
            "jpn       2024-10-30 03:12\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(ListTest, TableReplacesControlCharactersSoNamesCannotDriveTheTerminal) {
  // ESC (with a colour sequence), BEL, CR, LF, TAB, DEL and the one-byte CSI U+009B.
  ASSERT_EQ(cli({"update", "u-zoe", "--first-name", "Z\x1b[31m\a\r\n\t\x7f\xc2\x9bx"}).exit_code,
            0);

  const ProcessResult result = cli({"list", "--user-id", "u-zoe"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "USER ID  NAME                  EMAIL           ROLE             TIMEZONE  LANGUAGE  "
            "LAST MESSAGE (UTC)\n"
            "u-zoe    Z?[31m??????x Müller  zoe@example.de  DefaultUserRole  -         -         "
            "-\n");
}

TEST_F(ListTest, JsonLinesCarryEveryFieldButSensitiveValues) {
  const ProcessResult result = cli({"list", "--email", "maya@example.com", "--format", "json"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            R"({"org_id":"cli-org","user_id":"u-admin","first_name":"Maya","last_name":"Okonkwo",)"
            R"("email":"maya@example.com","role":"Admin","user_stats":{"num_conversations":42,)"
            R"("num_messages":1337,"last_message_time":"2024-11-02T09:15:00Z"},"preferences":)"
            R"({"enable_response_recommendation":false,"preferred_language":"eng",)"
            R"("conversations_visible_to_admins":true,"user_model_visible_to_admins":true,)"
            R"("timezone":"America/New_York","audio_keyterms":["amigo"]},)"
            R"("nonsensitive_variables":{"team":"platform"},"sensitive_variables":["badge"]})"
            "\n");
}

TEST_F(ListTest, CsvHasAHeaderRowAndQuotesOnlyWhereNeeded) {
  ASSERT_EQ(cli({"update", "u-zoe", "--last-name", "Müller, Jr."}).exit_code, 0);

  const ProcessResult result =
      cli({"list", "--sort", "-last_message_time", "--sort", "email", "--format", "csv"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "user_id,email,first_name,last_name,role,timezone,language,num_conversations,"
            "num_messages,last_message_time\n"
            "u-admin,maya@example.com,Maya,Okonkwo,Admin,America/New_York,eng,42,1337,"
            "2024-11-02T09:15:00Z\n"
            "u-misaki,misaki@example.jp,美咲,佐藤,DefaultUserRole,Asia/Tokyo,jpn,23,512,"
            "2024-10-30T03:12:45.250Z\n"
            "u-zoe,zoe@example.de,Zoë,\"Müller, Jr.\",DefaultUserRole,,,0,0,\n");
}

TEST_F(ListTest, FiltersByUserIdAndEmail) {
  const ProcessResult result = cli({"list", "--user-id", "u-zoe", "--user-id", "u-misaki", "--sort",
                                    "+user_stats.num_messages", "--format", "csv"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 3U) << result.out;
  EXPECT_EQ(lines[1].substr(0, 6), "u-zoe,");
  EXPECT_EQ(lines[2].substr(0, 9), "u-misaki,");
}

TEST_F(ListTest, OnePageByDefaultAndEveryPageWithAll) {
  emulator_->generate_users(kOrganization, 7);

  const ProcessResult one_page = cli({"list", "--limit", "4", "--format", "csv"});
  EXPECT_EQ(one_page.exit_code, 0) << one_page.err;
  EXPECT_EQ(lines_of(one_page.out).size(), 1U + 4U);
  EXPECT_EQ(one_page.err,
            "More users match; pass --all to list every page, or a larger --limit.\n");

  const ProcessResult every_page = cli({"list", "--limit", "4", "--all", "--format", "json"});
  EXPECT_EQ(every_page.exit_code, 0) << every_page.err;
  EXPECT_EQ(lines_of(every_page.out).size(), 3U + 7U);
  EXPECT_EQ(every_page.err, "");
}

TEST_F(ListTest, NoMatchSaysSo) {
  const ProcessResult result = cli({"list", "--email", "nobody@example.com"});

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "No users found.\n");
}

TEST_F(ListTest, UnknownSortFieldIsAUsageErrorListingTheValidOnes) {
  const ProcessResult result = cli({"list", "--sort", "-age"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "amigo-users: --sort: unknown field 'age'; valid fields: first_name, last_name, "
            "email, num_conversations, num_messages, last_message_time (the last three also as "
            "user_stats.<field>), each optionally prefixed with + (ascending, the default) or - "
            "(descending)\n");
  EXPECT_EQ(emulator_->counters().requests_of("list_users"), 0U);
}

TEST_F(ListTest, UnknownFormatIsAUsageError) {
  const ProcessResult result = cli({"list", "--format", "xml"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--format: Check xml value in {"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace amigo_cli_test
