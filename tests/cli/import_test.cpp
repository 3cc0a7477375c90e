// amigo-users import: validation, reporting, the journal and the failures
// file, with rate limits off (pacing has its own tests).

#include <algorithm>

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

// Columns in an unusual order; a quoted field spanning two lines; bad rows of
// every kind.
constexpr const char* kMixedCsv =
    "first_name,email,role,last_name,timezone,language,login_link\n"
    "Ana,ana@example.es,DefaultUserRole,García,Europe/Madrid,spa,\n"
    "Bo,bo.example.com,DefaultUserRole,Berg,,,\n"
    "Chen,chen@example.cn,DefaultUserRole,,Asia/Shanghai,zho,\n"
    "Dee,dee@example.com,DefaultUserRole,Day,Mars,xx1,ftp://example.com\n"
    "Eve,ANA@example.es,DefaultUserRole,Eve,,,\n"
    "Fay,fay@example.com,DefaultUserRole,\"Multi\nLine\",UTC,eng,https://app.example.com/in\n"
    "Gus,gus@example.com,DefaultUserRole,Gray\n";

constexpr const char* kMixedCsvProblems =
    "line 3: bo.example.com: email is not an address like name@example.com\n"
    "line 4: chen@example.cn: last_name is empty\n"
    "line 5: dee@example.com: timezone \"Mars\" is not an IANA name like Europe/Stockholm, or "
    "UTC; language \"xx1\" is not a 2 or 3 letter lowercase code like en or eng; login_link is "
    "not an http:// or https:// URL\n"
    "line 6: ANA@example.es: email repeats line 2 (emails are compared without regard to case)\n"
    "line 9: gus@example.com: has 4 fields; the header has 7\n";

// stderr without the progress lines, whose rates depend on timing.
std::string without_progress(const std::string& err) {
  std::string kept;
  for (const std::string& line : lines_of(err)) {
    if (line.rfind("imported ", 0) != 0) kept += line + "\n";
  }
  return kept;
}

std::string summary(const std::string& file, std::size_t rows, std::size_t invited,
                    std::size_t existed, std::size_t failed, std::size_t skipped,
                    std::size_t invalid) {
  char text[512];
  std::snprintf(text, sizeof text,
                "Imported %s (%zu rows):\n"
                "  invited                         %5zu\n"
                "  already existed                 %5zu\n"
                "  failed                          %5zu\n"
                "  skipped, done by an earlier run %5zu\n"
                "  invalid                         %5zu\n",
                file.c_str(), rows, invited, existed, failed, skipped, invalid);
  return text;
}

class ImportTest : public CliTest {};

TEST_F(ImportTest, ImportsTheValidRowsAndReportsTheOthersByLine) {
  write_file("people.csv", kMixedCsv);

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(without_progress(result.err), kMixedCsvProblems);
  EXPECT_EQ(result.out, summary(path("people.csv"), 7, 2, 0, 0, 0, 5) +
                            "Failed and invalid rows: " + path("people.csv.failures.csv") +
                            "\nJournal: " + path("people.csv.journal") + "\n");
  EXPECT_EQ(read_file("people.csv.failures.csv"),
            "line,email,error\n"
            "3,bo.example.com,email is not an address like name@example.com\n"
            "4,chen@example.cn,last_name is empty\n"
            "5,dee@example.com,\"timezone \"\"Mars\"\" is not an IANA name like "
            "Europe/Stockholm, or UTC; language \"\"xx1\"\" is not a 2 or 3 letter lowercase "
            "code like en or eng; login_link is not an http:// or https:// URL\"\n"
            "6,ANA@example.es,email repeats line 2 (emails are compared without regard to "
            "case)\n"
            "9,gus@example.com,has 4 fields; the header has 7\n");

  EXPECT_EQ(users_with_email("ana@example.es"), 1);
  EXPECT_EQ(users_with_email("fay@example.com"), 1);
  EXPECT_EQ(users().size(), 3U + 2U);
  const std::vector<nlohmann::json> all = users();
  const auto fay = std::find_if(all.begin(), all.end(), [](const nlohmann::json& user) {
    return user.at("email") == "fay@example.com";
  });
  ASSERT_NE(fay, all.end());
  EXPECT_EQ(fay->at("last_name"), "Multi\nLine");
  EXPECT_EQ(fay->at("preferences").at("timezone"), "UTC");
}

TEST_F(ImportTest, DryRunChecksEveryRowAndSendsNothing) {
  write_file("people.csv", kMixedCsv);

  const ProcessResult result = cli_with({}, {"import", path("people.csv"), "--dry-run"});

  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.err, kMixedCsvProblems);
  EXPECT_EQ(result.out, "Dry run: 2 of 7 rows are valid; nothing was sent.\n");
  EXPECT_EQ(emulator_->counters().sign_ins, 0U);
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 0U);
}

TEST_F(ImportTest, OverlongFieldsAreInvalidRowsNotACrash) {
  const std::string long_email = std::string(40000, 'a') + "@example.com";
  write_file("people.csv", "email,first_name,last_name,role,timezone,language\n" + long_email +
                               ",A,B,DefaultUserRole,,\n"
                               "tz@example.com,T,Z,DefaultUserRole," +
                               std::string(200000, 'A') +
                               ",\n"
                               "lang@example.com,L,G,DefaultUserRole,UTC," +
                               std::string(100000, 'e') + "\n");

  const ProcessResult result = cli_with({}, {"import", path("people.csv"), "--dry-run"});

  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "Dry run: 0 of 3 rows are valid; nothing was sent.\n");
  EXPECT_EQ(result.err, "line 2: " + std::string(40, 'a') +
                            "...: email is longer than 320 characters\n"
                            "line 3: tz@example.com: timezone is longer than 64 characters; use "
                            "an IANA name like Europe/Stockholm, or UTC\n"
                            "line 4: lang@example.com: language is longer than 3 letters; use a "
                            "code like en or eng\n");
}

TEST_F(ImportTest, DryRunOfAValidFileSucceeds) {
  write_file("people.csv", people_csv("dry.example.com", 4));

  const ProcessResult result = cli({"import", path("people.csv"), "--dry-run"});

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "Dry run: 4 of 4 rows are valid; nothing was sent.\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(ImportTest, TheExampleFileHasExactlyItsFourDeliberateMistakes) {
  const ProcessResult result =
      cli({"import", std::string(AMIGO_EXAMPLE_DATA_DIR) + "/new-hires.csv", "--dry-run"});

  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "Dry run: 196 of 200 rows are valid; nothing was sent.\n");
  EXPECT_EQ(result.err,
            "line 42: ines.araujo.northwind-example.com: email is not an address like "
            "name@example.com\n"
            "line 92: hamid.rahimi@northwind-example.com: last_name is empty\n"
            "line 152: karl.lindgren@northwind-example.com: timezone \"Stockholm\" is not an "
            "IANA name like Europe/Stockholm, or UTC\n"
            "line 177: Lukasz.dabrowski@northwind-example.com: email repeats line 13 (emails are "
            "compared without regard to case)\n");
}

TEST_F(ImportTest, AnExistingEmailIsReportedAndIsNotAFailure) {
  write_file("people.csv",
             "email,first_name,last_name,role\n"
             "new@example.com,New,Person,DefaultUserRole\n"
             "Maya@Example.com,Maya,Okonkwo,DefaultUserRole\n");

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(without_progress(result.err), "line 3: Maya@Example.com: already exists\n");
  EXPECT_EQ(result.out, summary(path("people.csv"), 2, 1, 1, 0, 0, 0) +
                            "Journal: " + path("people.csv.journal") + "\n");
  EXPECT_EQ(users_with_email("maya@example.com"), 1);
}

TEST_F(ImportTest, AConflictThatIsNotAnExistingUserFailsTheRowAndARerunInvitesIt) {
  amigo::testing::Fault busy;
  busy.method = "POST";
  busy.path = "/v1/cli-org/user/";
  busy.status = 409;
  busy.body = R"({"detail":"A related operation is in progress."})";
  emulator_->add_fault(busy);
  write_file("people.csv", people_csv("busy.example.com", 2));

  const ProcessResult first = cli({"import", path("people.csv")});

  EXPECT_EQ(first.exit_code, 3) << first.err;
  EXPECT_EQ(first.out.substr(0, first.out.find("Failed and")),
            summary(path("people.csv"), 2, 1, 0, 1, 0, 0));
  const std::vector<std::string> failures = lines_of(read_file("people.csv.failures.csv"));
  ASSERT_EQ(failures.size(), 2U);
  EXPECT_EQ(failures[1].rfind("2,person000@busy.example.com,", 0), 0U) << failures[1];
  EXPECT_NE(failures[1].find("A related operation is in progress."), std::string::npos)
      << failures[1];
  EXPECT_EQ(users_with_email("person000@busy.example.com"), 0);

  const ProcessResult rerun = cli({"import", path("people.csv")});

  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(rerun.out, summary(path("people.csv"), 2, 1, 0, 0, 1, 0) +
                           "Journal: " + path("people.csv.journal") + "\n");
  EXPECT_EQ(users_with_email("person000@busy.example.com"), 1);
}

TEST_F(ImportTest, JournalRecordsPendingThenTheOutcomeOfEachRow) {
  write_file("people.csv",
             "email,first_name,last_name,role\n"
             "new@example.com,New,Person,DefaultUserRole\n"
             "maya@example.com,Maya,Okonkwo,DefaultUserRole\n"
             "boss@example.com,Big,Boss,NoSuchRole\n");

  const ProcessResult result = cli({"import", path("people.csv"), "--journal", path("j")});

  EXPECT_EQ(result.exit_code, 3) << result.err;
  const std::vector<std::string> journal = lines_of(read_file("j"));
  ASSERT_EQ(journal.size(), 6U);
  const nlohmann::json invited = nlohmann::json::parse(journal[1]);
  EXPECT_EQ(
      journal[0],
      R"({"line":2,"email":"new@example.com","state":"pending","user_id":null,"error":null})");
  EXPECT_EQ(journal[1], R"({"line":2,"email":"new@example.com","state":"invited","user_id":")" +
                            invited.at("user_id").get<std::string>() + R"(","error":null})");
  EXPECT_EQ(
      journal[2],
      R"({"line":3,"email":"maya@example.com","state":"pending","user_id":null,"error":null})");
  EXPECT_EQ(
      journal[3],
      R"({"line":3,"email":"maya@example.com","state":"exists","user_id":null,"error":null})");
  EXPECT_EQ(
      journal[4],
      R"({"line":4,"email":"boss@example.com","state":"pending","user_id":null,"error":null})");
  const nlohmann::json failed = nlohmann::json::parse(journal[5]);
  EXPECT_EQ(failed.at("state"), "failed");
  EXPECT_NE(failed.at("error").get<std::string>().find("404"), std::string::npos);
  EXPECT_EQ(users_with_email("new@example.com"), 1);
}

TEST_F(ImportTest, ARowTheServerRefusesFailsTheRowNotTheRun) {
  write_file("people.csv",
             "email,first_name,last_name,role\n"
             "boss@example.com,Big,Boss,NoSuchRole\n"
             "new@example.com,New,Person,DefaultUserRole\n");

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 3);
  const std::string problems = without_progress(result.err);
  EXPECT_EQ(problems.rfind("line 2: boss@example.com: failed: ", 0), 0U) << problems;
  EXPECT_EQ(result.out.substr(0, result.out.find("Failed and")),
            summary(path("people.csv"), 2, 1, 0, 1, 0, 0));
  const std::vector<std::string> failures = lines_of(read_file("people.csv.failures.csv"));
  ASSERT_EQ(failures.size(), 2U);
  EXPECT_EQ(failures[1].rfind("2,boss@example.com,", 0), 0U) << failures[1];
  EXPECT_EQ(users_with_email("new@example.com"), 1);
}

TEST_F(ImportTest, ARerunSkipsFinishedRowsAndRetriesFailedOnes) {
  write_file("people.csv",
             people_csv("rerun.example.com", 5) + "boss@example.com,Big,Boss,NoSuchRole\n");
  ASSERT_EQ(cli({"import", path("people.csv")}).exit_code, 3);
  ASSERT_EQ(emulator_->counters().requests_of("invite_user"), 6U);

  const ProcessResult rerun = cli({"import", path("people.csv")});

  EXPECT_EQ(rerun.exit_code, 3);
  EXPECT_EQ(rerun.out.substr(0, rerun.out.find("Failed and")),
            summary(path("people.csv"), 6, 0, 0, 1, 5, 0));
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 7U);
  EXPECT_EQ(users().size(), 3U + 5U);
}

TEST_F(ImportTest, ProgressIsPlainLinesWhenStderrIsNotATerminal) {
  write_file("people.csv", people_csv("progress.example.com", 20));

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 2U) << result.err;
  EXPECT_EQ(lines[0].rfind("imported 10/20 (", 0), 0U) << lines[0];
  EXPECT_EQ(lines[1].rfind("imported 20/20 (", 0), 0U) << lines[1];
  EXPECT_EQ(result.err.find('\r'), std::string::npos);
}

TEST_F(ImportTest, UnknownColumnIsAUsageError) {
  write_file("people.csv", "email,first_name,last_name,role,phone\n");

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: line 1: unknown column 'phone'; the columns are email, first_name, "
            "last_name, role, timezone, language, login_link\n");
}

TEST_F(ImportTest, MissingRequiredColumnIsAUsageError) {
  write_file("people.csv", "email,first_name,last_name\na@example.com,A,B\n");

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: line 1: missing column 'role'; required columns are email, "
            "first_name, last_name, role\n");
}

TEST_F(ImportTest, MalformedCsvNamesTheLine) {
  write_file("people.csv",
             "email,first_name,last_name,role\na@example.com,A,B,R\nb@example.com,B\"ob,B,R\n");

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: line 3: malformed CSV: error parsing data while strict checking "
            "enabled (a quote inside a field must be doubled, and the field quoted)\n");
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 0U);
}

TEST_F(ImportTest, MissingFileIsAUsageError) {
  const ProcessResult result = cli({"import", path("nope.csv")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "FILE: File does not exist: " + path("nope.csv") +
                            "\nRun with --help for more information.\n");
}

}  // namespace
}  // namespace amigo_cli_test
