#include "realistic_page.hpp"

#include <fmt/format.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

namespace amigo_bench {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFirstNames[] = {
    "Ada",   "Grace", "Søren", "Chidi", "Mei",     "Ravi", "Zoë",    "Olu",  "Ingrid",    "Kenji",
    "Amara", "Luis",  "Fatma", "Björn", "Hiroshi", "Yara", "Élodie", "Noah", "Katarzyna", "Tomás"};
constexpr const char* kLastNames[] = {"Lovelace", "Hopper", "Kierkegaard", "Okafor", "Chen",
                                      "Sharma",   "Müller", "Adeyemi",     "Larsen", "Tanaka",
                                      "Nwosu",    "García", "Haddad",      "Borg",   "Yamamoto",
                                      "Khalil",   "Dubois", "Kowalczyk",   "Silva",  "O'Brien"};
constexpr const char* kDepartments[] = {"Engineering", "Customer Success", "Finance", "People",
                                        "Sales",       "Operations",       "Legal",   "Design"};
constexpr const char* kLocations[] = {"Copenhagen", "Lagos",     "Toronto", "São Paulo",
                                      "Singapore",  "Frankfurt", "Sydney",  "New York"};
constexpr const char* kTimezones[] = {"Europe/Copenhagen", "Africa/Lagos",    "America/Toronto",
                                      "America/Sao_Paulo", "Asia/Singapore",  "Europe/Berlin",
                                      "Australia/Sydney",  "America/New_York"};
constexpr const char* kLanguages[] = {"eng", "dan", "yor", "por", "zho", "deu", "fra", "spa"};
constexpr const char* kKeyterms[] = {"Amigo",      "onboarding", "401(k)",    "PTO",
                                     "Kubernetes", "SOC 2",      "Q3 review", "payroll"};
constexpr const char* kSensitive[] = {"ssn", "home_address", "bank_account", "date_of_birth"};

template <typename T, std::size_t N>
const T& pick(const T (&values)[N], std::mt19937_64& random) {
  return values[random() % N];
}

Json user_json(std::size_t index, std::mt19937_64& random) {
  const std::string first = pick(kFirstNames, random);
  const std::string last = pick(kLastNames, random);
  const std::size_t place = random() % std::size(kLocations);

  Json stats = {{"num_conversations", random() % 300}, {"num_messages", random() % 9000}};
  if (index % 7 == 3) {
    stats["last_message_time"] = nullptr;  // has not started a conversation yet
  } else {
    stats["last_message_time"] = fmt::format("2024-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                                             1 + random() % 12, 1 + random() % 28, random() % 24,
                                             random() % 60, random() % 60, random() % 1000);
  }

  Json keyterms = Json::array();
  if (index % 5 == 1) keyterms = {pick(kKeyterms, random), pick(kKeyterms, random)};
  Json preferences = {
      {"enable_response_recommendation", random() % 3 == 0},
      {"preferred_language", index % 5 == 0 ? Json(nullptr) : Json(pick(kLanguages, random))},
      {"conversations_visible_to_admins", true},
      {"user_model_visible_to_admins", random() % 4 != 0},
      {"timezone", index % 9 == 0 ? Json(nullptr) : Json(kTimezones[place])},
      {"audio_keyterms", keyterms}};

  Json variables = Json::object();
  if (index % 2 == 1) {
    variables = {{"department", pick(kDepartments, random)}, {"location", kLocations[place]}};
  }
  Json sensitive = Json::array();
  if (index % 4 == 0) sensitive.push_back(pick(kSensitive, random));

  return Json{{"org_id", kBenchOrganization},
              {"user_id", fmt::format("6630f1c2a8b4e9d1{:08x}", 0x5a17u + index * 2654435761u)},
              {"first_name", first},
              {"last_name", last},
              {"email", fmt::format("user{:04}@acme.com", index)},
              {"user_stats", stats},
              {"role", index % 10 == 0 ? "OrgAdminRole" : "DefaultUserRole"},
              {"preferences", preferences},
              {"nonsensitive_variables", variables},
              {"sensitive_variables", sensitive}};
}

}  // namespace

std::string realistic_page_body(std::size_t count) {
  std::mt19937_64 random(20240601);
  Json users = Json::array();
  for (std::size_t i = 0; i < count; ++i) users.push_back(user_json(i, random));
  Json page = {{"users", users}, {"has_more", true}, {"continuation_token", 100}};
  return page.dump();
}

amigo::UserInviteRequest realistic_invite() {
  amigo::UserInviteRequest invite;
  invite.first_name = "Søren";
  invite.last_name = "Kierkegaard";
  invite.email = "soren.kierkegaard@acme-corp.example";
  invite.role = "DefaultUserRole";
  invite.login_link = "https://app.acme-corp.example/welcome";
  invite.nonsensitive_user_variables = {
      {"department", "Engineering"}, {"location", "Copenhagen"}, {"employee_id", "E-004217"}};
  invite.sensitive_user_variables = {{"salary", "123456"}};
  amigo::UserPreferences preferences;
  preferences.preferred_language = "dan";
  preferences.timezone = "Europe/Copenhagen";
  preferences.audio_keyterms = std::vector<std::string>{"amigo", "onboarding"};
  invite.user_preferences = preferences;
  return invite;
}

amigo::UserUpdateRequest realistic_update() {
  amigo::UserUpdateRequest update;
  update.first_name = "Søren Aabye";
  update.enable_response_recommendation = true;
  update.preferred_language = std::string("dan");
  update.timezone = amigo::null;
  update.conversations_visible_to_admins = false;
  update.additional_context = std::vector<std::string>{"Joined from the Copenhagen office"};
  update.audio_keyterms = std::vector<std::string>{"amigo", "kubernetes", "soc two"};
  return update;
}

}  // namespace amigo_bench
