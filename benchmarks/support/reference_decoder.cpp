#include "reference_decoder.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

namespace amigo_bench {
namespace {

using Json = nlohmann::json;

int digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<long long>(era) * 146097 + day_of_era - 719468;
}

// "YYYY-MM-DDTHH:MM:SS[.ffffff]Z", the shape this server sends.
amigo::Timestamp parse_time(std::string_view text) {
  if (text.size() < 20 || text.back() != 'Z') throw std::runtime_error("unexpected time format");
  const long long seconds =
      days_from_civil(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)) * 86400 +
      digits(text, 11, 2) * 3600 + digits(text, 14, 2) * 60 + digits(text, 17, 2);
  long long micros = 0;
  if (text[19] == '.') {
    std::size_t count = 0;
    for (std::size_t i = 20; i + 1 < text.size() && count < 6; ++i, ++count) {
      micros = micros * 10 + (text[i] - '0');
    }
    for (; count < 6; ++count) micros *= 10;
  }
  return amigo::Timestamp{std::chrono::seconds{seconds} + std::chrono::microseconds{micros}};
}

std::optional<std::string> optional_string(const Json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

amigo::User copy_user(const Json& item) {
  amigo::User user;
  user.org_id = item.at("org_id").get<std::string>();
  user.user_id = item.at("user_id").get<std::string>();
  user.first_name = item.at("first_name").get<std::string>();
  user.last_name = item.at("last_name").get<std::string>();
  user.email = item.at("email").get<std::string>();
  user.role = item.at("role").get<std::string>();

  const Json& stats = item.at("user_stats");
  user.user_stats.num_conversations = stats.at("num_conversations").get<std::int64_t>();
  user.user_stats.num_messages = stats.at("num_messages").get<std::int64_t>();
  const Json& last_message = stats.at("last_message_time");
  if (!last_message.is_null()) {
    user.user_stats.last_message_time = parse_time(last_message.get_ref<const std::string&>());
  }

  const Json& preferences = item.at("preferences");
  user.preferences.enable_response_recommendation =
      preferences.value("enable_response_recommendation", false);
  user.preferences.preferred_language = optional_string(preferences.at("preferred_language"));
  user.preferences.conversations_visible_to_admins =
      preferences.value("conversations_visible_to_admins", true);
  user.preferences.user_model_visible_to_admins =
      preferences.value("user_model_visible_to_admins", true);
  user.preferences.timezone = optional_string(preferences.at("timezone"));
  user.preferences.audio_keyterms =
      preferences.at("audio_keyterms").get<std::vector<std::string>>();

  user.nonsensitive_variables =
      item.at("nonsensitive_variables").get<std::map<std::string, std::string>>();
  user.sensitive_variables = item.at("sensitive_variables").get<std::vector<std::string>>();
  return user;
}

auto stats_tuple(const amigo::UserStats& s) {
  return std::tie(s.num_conversations, s.num_messages, s.last_message_time);
}

auto preferences_tuple(const amigo::Preferences& p) {
  return std::tie(p.enable_response_recommendation, p.preferred_language,
                  p.conversations_visible_to_admins, p.user_model_visible_to_admins, p.timezone,
                  p.audio_keyterms);
}

bool same_user(const amigo::User& a, const amigo::User& b) {
  return std::tie(a.org_id, a.user_id, a.first_name, a.last_name, a.email, a.role,
                  a.nonsensitive_variables, a.sensitive_variables) ==
             std::tie(b.org_id, b.user_id, b.first_name, b.last_name, b.email, b.role,
                      b.nonsensitive_variables, b.sensitive_variables) &&
         stats_tuple(a.user_stats) == stats_tuple(b.user_stats) &&
         preferences_tuple(a.preferences) == preferences_tuple(b.preferences);
}

}  // namespace

amigo::UserPage reference_decode_page(std::string_view body) {
  const Json document = Json::parse(body);
  amigo::UserPage page;
  const Json& users = document.at("users");
  page.users.reserve(users.size());
  for (const Json& item : users) page.users.push_back(copy_user(item));
  page.has_more = document.at("has_more").get<bool>();
  const Json& token = document.at("continuation_token");
  if (!token.is_null()) page.continuation_token = token.get<std::int64_t>();
  return page;
}

bool same_page(const amigo::UserPage& a, const amigo::UserPage& b) {
  if (a.users.size() != b.users.size() || a.has_more != b.has_more ||
      a.continuation_token != b.continuation_token) {
    return false;
  }
  for (std::size_t i = 0; i < a.users.size(); ++i) {
    if (!same_user(a.users[i], b.users[i])) return false;
  }
  return true;
}

}  // namespace amigo_bench
