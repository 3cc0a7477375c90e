#include "cli_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace amigo_cli_test {
namespace {

// Three users whose output covers the interesting cases: wide characters, a
// fraction of a second, a user with no preferences and no messages.
constexpr const char* kSeed = R"({
  "organizations": [
    {"id": "cli-org", "roles": [
      {"name": "DefaultUserRole", "rank": 10, "permissions": []},
      {"name": "Admin", "rank": 100, "permissions": ["User:InviteUser", "User:GetUserInfo",
                                                     "User:UpdateUserInfo", "User:DeleteUser"]}]}
  ],
  "users": [
    {"org_id": "cli-org", "user_id": "u-admin", "first_name": "Maya", "last_name": "Okonkwo",
     "email": "maya@example.com", "role": "Admin",
     "preferences": {"preferred_language": "eng", "timezone": "America/New_York",
                     "audio_keyterms": ["amigo"]},
     "user_stats": {"num_conversations": 42, "num_messages": 1337,
                    "last_message_time": "2024-11-02T09:15:00Z"},
     "nonsensitive_variables": {"team": "platform"},
     "sensitive_variables": {"badge": "SECRET-BADGE-77"}, "verified": true},
    {"org_id": "cli-org", "user_id": "u-misaki", "first_name": "美咲", "last_name": "佐藤",
     "email": "misaki@example.jp", "role": "DefaultUserRole",
     "preferences": {"preferred_language": "jpn", "timezone": "Asia/Tokyo"},
     "user_stats": {"num_conversations": 23, "num_messages": 512,
                    "last_message_time": "2024-10-30T03:12:45.250Z"}, "verified": true},
    {"org_id": "cli-org", "user_id": "u-zoe", "first_name": "Zoë", "last_name": "Müller",
     "email": "zoe@example.de", "role": "DefaultUserRole",
     "user_stats": {"num_conversations": 0, "num_messages": 0, "last_message_time": null}}
  ],
  "api_keys": [
    {"org_id": "cli-org", "key": "cli-test-secret-key-42", "key_id": "cli-key",
     "user_id": "u-admin"}
  ]
})";

amigo::testing::EmulatorOptions emulator_options(bool rate_limits, double time_scale) {
  amigo::testing::EmulatorOptions options;
  options.seed_json = kSeed;
  options.rate_limits = rate_limits;
  options.time_scale = time_scale;
  return options;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

void CliTest::SetUp() {
  emulator_ = std::make_unique<amigo::testing::Emulator>(emulator_options(false, 1.0));
  std::string pattern = (std::filesystem::temp_directory_path() / "amigo-cli-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_ = pattern;
}

void CliTest::TearDown() { std::filesystem::remove_all(scratch_); }

void CliTest::use_rate_limits(double time_scale) {
  emulator_.reset();
  emulator_ = std::make_unique<amigo::testing::Emulator>(emulator_options(true, time_scale));
}

Environment CliTest::environment() const {
  return {{"AMIGO_BASE_URL", emulator_->base_url()},
          {"AMIGO_ORGANIZATION_ID", emulator_->organization_id()},
          {"AMIGO_API_KEY", emulator_->api_key()},
          {"AMIGO_API_KEY_ID", emulator_->api_key_id()},
          {"AMIGO_USER_ID", emulator_->user_id()},
          {"HOME", scratch_}};
}

ProcessResult CliTest::cli(const std::vector<std::string>& arguments, const std::string& input) {
  return cli_with(environment(), arguments, input);
}

ProcessResult CliTest::cli_with(const Environment& environment,
                                const std::vector<std::string>& arguments,
                                const std::string& input) {
  ProcessResult result = run_process(AMIGO_USERS_PATH, arguments, environment, input);
  expect_no_secrets(result.out);
  expect_no_secrets(result.err);
  return result;
}

std::unique_ptr<RunningProcess> CliTest::start_cli(const std::vector<std::string>& arguments) {
  return std::make_unique<RunningProcess>(AMIGO_USERS_PATH, arguments, environment());
}

std::string CliTest::path(const std::string& name) const { return scratch_ + "/" + name; }

void CliTest::write_file(const std::string& name, const std::string& text) const {
  std::ofstream(path(name), std::ios::binary) << text;
}

std::string CliTest::read_file(const std::string& name) const {
  std::ifstream file(path(name), std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<nlohmann::json> CliTest::users() const {
  const nlohmann::json state = nlohmann::json::parse(emulator_->state_json());
  std::vector<nlohmann::json> found;
  for (const nlohmann::json& user : state.at("users")) {
    if (user.at("org_id") == kOrganization) found.push_back(user);
  }
  return found;
}

int CliTest::users_with_email(const std::string& email) const {
  const std::vector<nlohmann::json> all = users();
  return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const nlohmann::json& user) {
    return lowercase(user.at("email").get<std::string>()) == lowercase(email);
  }));
}

void expect_no_secrets(const std::string& text) {
  EXPECT_EQ(text.find(kApiKey), std::string::npos) << text;
  EXPECT_EQ(text.find(kSensitiveValue), std::string::npos) << text;
  // A JWT is three base64url parts; its header always starts {" = eyJ.
  static const std::regex kJwt(R"(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.)");
  EXPECT_FALSE(std::regex_search(text, kJwt)) << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string people_csv(const std::string& domain, int count) {
  std::string csv = "email,first_name,last_name,role\n";
  for (int i = 0; i < count; ++i) {
    const std::string number = std::to_string(1000 + i).substr(1);
    csv += "person" + number + "@" + domain + ",Person,Number" + number + ",DefaultUserRole\n";
  }
  return csv;
}

}  // namespace amigo_cli_test
