// amigo-users: help, version, usage errors and where credentials come from.

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

class UsageTest : public CliTest {};

TEST_F(UsageTest, VersionIsTheLibrarysVersion) {
  const ProcessResult result = cli({"--version"});

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, std::string(AMIGO_EXPECTED_VERSION) + "\n");
}

TEST_F(UsageTest, HelpListsTheCommandsAndExitCodes) {
  const ProcessResult result = cli({"--help"});

  EXPECT_EQ(result.exit_code, 0);
  for (const char* expected : {"  invite ", "  list ", "  update ", "  delete ", "  import ",
                               "  export ", "Exit codes: 0 success, 1 the API reported an error"}) {
    EXPECT_NE(result.out.find(expected), std::string::npos) << expected;
  }
}

TEST_F(UsageTest, EachCommandHasHelp) {
  for (const char* command : {"invite", "list", "update", "delete", "import", "export"}) {
    SCOPED_TRACE(command);
    const ProcessResult result = cli({command, "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find(std::string("Usage: amigo-users ") + command), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Example:"), std::string::npos) << result.out;
  }
}

TEST_F(UsageTest, NoCommandIsAUsageError) {
  const ProcessResult result = cli({});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "A subcommand is required\nRun with --help for more information.\n");
}

TEST_F(UsageTest, UnknownFlagIsAUsageError) {
  const ProcessResult result = cli({"list", "--colour"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "The following argument was not expected: --colour\n"
            "Run with --help for more information.\n");
}

TEST_F(UsageTest, MissingRequiredFlagIsAUsageError) {
  const ProcessResult result =
      cli({"invite", "--email", "a@example.com", "--first-name", "A", "--last-name", "B"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "--role is required\nRun with --help for more information.\n");
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 0U);
}

TEST_F(UsageTest, MissingCredentialNamesTheFlagAndVariable) {
  Environment without_user = environment();
  without_user.erase("AMIGO_USER_ID");

  const ProcessResult result = cli_with(without_user, {"list"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "amigo-users: missing --user-id: pass it or set AMIGO_USER_ID\n");
}

TEST_F(UsageTest, MissingApiKeyExplainsBothWaysToGiveIt) {
  Environment without_key = environment();
  without_key.erase("AMIGO_API_KEY");

  const ProcessResult result = cli_with(without_key, {"list"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "amigo-users: no API key: set AMIGO_API_KEY or pass --api-key-file PATH\n");
}

TEST_F(UsageTest, ApiKeyFromAFileAndTheRestFromFlags) {
  write_file("key", std::string("  ") + kApiKey + "  \nsecond line is ignored\n");
  const Environment empty{{"HOME", scratch_}};

  // Before the command: `list --user-id` is list's own filter.
  const ProcessResult result =
      cli_with(empty, {"--base-url", emulator_->base_url(), "--org", kOrganization, "--api-key-id",
                       emulator_->api_key_id(), "--user-id", emulator_->user_id(), "--api-key-file",
                       path("key"), "list", "--email", "zoe@example.de", "--format", "csv"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out).size(), 2U);
}

TEST_F(UsageTest, UnreadableApiKeyFileIsAUsageError) {
  const ProcessResult result = cli({"list", "--api-key-file", path("missing")});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "amigo-users: cannot read the API key file " + path("missing") +
                            ": No such file or directory\n");
}

TEST_F(UsageTest, RefusedCredentialsAreAnApiError) {
  write_file("key", "not-the-key\n");

  const ProcessResult result = cli({"list", "--api-key-file", path("key")});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("amigo-users: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find("401"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("not-the-key"), std::string::npos) << result.err;
}

TEST_F(UsageTest, VerboseLogsTheSdkWithoutSecrets) {
  const ProcessResult result = cli({"--verbose", "list", "--format", "csv"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("amigo-users: [debug] "), std::string::npos) << result.err;
  // cli() has checked the key, the sensitive value and any JWT are absent.
}

TEST_F(UsageTest, TimeoutEndsARequestThatTakesTooLong) {
  // Without --timeout every attempt would succeed after the delay.
  amigo::testing::Fault slow;
  slow.method = "GET";
  slow.path = "/v1/cli-org/user/";
  slow.action = amigo::testing::FaultAction::delay;
  slow.delay = std::chrono::milliseconds(1000);
  slow.count = -1;
  emulator_->add_fault(slow);

  const ProcessResult result = cli({"list", "--timeout", "0.1"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("amigo-users: ", 0), 0U) << result.err;
}

TEST_F(UsageTest, ALongWaitForTheSignInLimitIsShownWithoutVerbose) {
  amigo::testing::Fault limited;
  limited.method = "POST";
  limited.path = "/v1/cli-org/user/signin_with_api_key";
  limited.status = 429;
  limited.retry_after = "1";
  emulator_->add_fault(limited);

  const ProcessResult result = cli({"list", "--user-id", "u-zoe", "--format", "csv"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "amigo-users: waiting 1s: rate limited (sign_in_with_api_key)\n");
  EXPECT_EQ(lines_of(result.out).size(), 2U) << result.out;
}

}  // namespace
}  // namespace amigo_cli_test
