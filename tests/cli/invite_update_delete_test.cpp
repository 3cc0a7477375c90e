// amigo-users invite, update and delete.

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

class InviteUpdateDeleteTest : public CliTest {
 protected:
  nlohmann::json user(const std::string& user_id) const {
    for (const nlohmann::json& candidate : users()) {
      if (candidate.at("user_id") == user_id) return candidate;
    }
    return nullptr;
  }
};

TEST_F(InviteUpdateDeleteTest, InvitePrintsOnlyTheNewId) {
  const ProcessResult result =
      cli({"invite", "--email", "ana@example.es", "--first-name", "Ana", "--last-name", "García",
           "--role", "DefaultUserRole", "--timezone", "Europe/Madrid", "--language", "spa",
           "--login-link", "https://app.example.com/login", "--var", "team=sales", "--var",
           "desk=4=b"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 1U);
  const nlohmann::json invited = user(lines[0]);
  ASSERT_TRUE(invited.is_object()) << result.out;
  EXPECT_EQ(invited.at("email"), "ana@example.es");
  EXPECT_EQ(invited.at("last_name"), "García");
  EXPECT_EQ(invited.at("role"), "DefaultUserRole");
  EXPECT_EQ(invited.at("preferences").at("timezone"), "Europe/Madrid");
  EXPECT_EQ(invited.at("preferences").at("preferred_language"), "spa");
  EXPECT_EQ(invited.at("nonsensitive_variables"),
            (nlohmann::json{{"team", "sales"}, {"desk", "4=b"}}));
}

TEST_F(InviteUpdateDeleteTest, InviteOfATakenEmailIsAnApiError) {
  const ProcessResult result = cli({"invite", "--email", "MAYA@example.com", "--first-name", "M",
                                    "--last-name", "O", "--role", "DefaultUserRole"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("amigo-users: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find("409"), std::string::npos) << result.err;
}

TEST_F(InviteUpdateDeleteTest, MalformedVariableIsAUsageError) {
  const ProcessResult result =
      cli({"invite", "--email", "a@example.com", "--first-name", "A", "--last-name", "B", "--role",
           "DefaultUserRole", "--var", "team"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "amigo-users: --var expects name=value, got 'team'\n");
}

TEST_F(InviteUpdateDeleteTest, UpdateChangesOnlyWhatIsNamed) {
  const ProcessResult result =
      cli({"update", "u-admin", "--first-name", "Maia", "--clear-timezone", "--recommendations",
           "on", "--user-model-visible", "off", "--keyterm", "amigo", "--keyterm", "okonkwo"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "updated u-admin; set first_name, enable_response_recommendation, "
            "user_model_visible_to_admins, audio_keyterms; cleared timezone\n");
  const nlohmann::json admin = user("u-admin");
  EXPECT_EQ(admin.at("first_name"), "Maia");
  EXPECT_EQ(admin.at("last_name"), "Okonkwo");
  EXPECT_TRUE(admin.at("preferences").at("timezone").is_null());
  EXPECT_EQ(admin.at("preferences").at("preferred_language"), "eng");
  EXPECT_EQ(admin.at("preferences").at("enable_response_recommendation"), true);
  EXPECT_EQ(admin.at("preferences").at("user_model_visible_to_admins"), false);
  EXPECT_EQ(admin.at("preferences").at("conversations_visible_to_admins"), true);
  EXPECT_EQ(admin.at("preferences").at("audio_keyterms"), (nlohmann::json{"amigo", "okonkwo"}));
}

TEST_F(InviteUpdateDeleteTest, UpdateSetsAndClearsTheLanguage) {
  ASSERT_EQ(cli({"update", "u-zoe", "--language", "deu", "--timezone", "Europe/Berlin"}).out,
            "updated u-zoe; set timezone, preferred_language\n");
  EXPECT_EQ(user("u-zoe").at("preferences").at("preferred_language"), "deu");

  ASSERT_EQ(cli({"update", "u-zoe", "--clear-language"}).out,
            "updated u-zoe; cleared preferred_language\n");
  EXPECT_TRUE(user("u-zoe").at("preferences").at("preferred_language").is_null());
  EXPECT_EQ(user("u-zoe").at("preferences").at("timezone"), "Europe/Berlin");
}

TEST_F(InviteUpdateDeleteTest, TimezoneAndClearTimezoneTogetherIsAUsageError) {
  const ProcessResult result =
      cli({"update", "u-zoe", "--timezone", "Europe/Berlin", "--clear-timezone"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "--timezone excludes --clear-timezone\nRun with --help for more information.\n");
  EXPECT_EQ(emulator_->counters().requests_of("update_user"), 0U);
}

TEST_F(InviteUpdateDeleteTest, UpdateWithNothingToChangeIsAUsageError) {
  const ProcessResult result = cli({"update", "u-zoe"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: update: nothing to update; name at least one field to change (see "
            "--help)\n");
}

TEST_F(InviteUpdateDeleteTest, UpdateOfAnUnknownUserIsAnApiError) {
  const ProcessResult result = cli({"update", "u-nobody", "--first-name", "X"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("404"), std::string::npos) << result.err;
}

TEST_F(InviteUpdateDeleteTest, AnArgumentTheSdkRefusesBeforeSendingIsAUsageError) {
  const ProcessResult result = cli({"update", "..", "--first-name", "X"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: update_user: user_id must not be \".\" or \"..\": URL normalisation "
            "would change the path\n");
  EXPECT_EQ(emulator_->counters().requests_of("update_user"), 0U);
}

TEST_F(InviteUpdateDeleteTest, OnOffFlagsRefuseOtherWords) {
  const ProcessResult result = cli({"update", "u-zoe", "--recommendations", "maybe"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(emulator_->counters().requests_of("update_user"), 0U);
}

TEST_F(InviteUpdateDeleteTest, DeleteWithoutATerminalNeedsYes) {
  const ProcessResult result = cli({"delete", "u-zoe"}, "y\n");

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "amigo-users: delete: stdin is not a terminal, so there is no one to confirm; pass "
            "--yes to delete without asking\n");
  EXPECT_TRUE(user("u-zoe").is_object());
}

TEST_F(InviteUpdateDeleteTest, DeleteReportsEachIdAndFailsIfAnyFailed) {
  const ProcessResult result = cli({"delete", "u-zoe", "u-nobody", "u-misaki", "--yes"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "deleted u-zoe\ndeleted u-misaki\n");
  EXPECT_EQ(result.err.rfind("failed u-nobody: ", 0), 0U) << result.err;
  EXPECT_EQ(lines_of(result.err).size(), 1U) << result.err;
  EXPECT_TRUE(user("u-zoe").is_null());
  EXPECT_TRUE(user("u-misaki").is_null());
}

TEST_F(InviteUpdateDeleteTest, DeleteOfEveryIdSucceeding) {
  const ProcessResult result = cli({"delete", "u-zoe", "-y"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "deleted u-zoe\n");
  EXPECT_EQ(result.err, "");
}

}  // namespace
}  // namespace amigo_cli_test
