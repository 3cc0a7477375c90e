// Synthetic users for benchmarks: many users, made quickly and reproducibly.
#include <cstdio>
#include <iterator>
#include <random>
#include <stdexcept>

#include "rfc3339.hpp"
#include "store.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

constexpr const char* kFirstNames[] = {
    "Ada",    "Grace", "Alan",  "Édith", "Søren",  "Chidi", "Mei", "Ravi",  "Zoë",     "Olu",
    "Ingrid", "Kenji", "Amara", "Luis",  "Fatima", "Noah",  "Ana", "Björn", "Hiroshi", "Yara"};
constexpr const char* kLastNames[] = {"Lovelace", "Hopper", "Turing", "Piaf",     "Kierkegaard",
                                      "Okafor",   "Chen",   "Sharma", "Müller",   "Adeyemi",
                                      "Larsen",   "Tanaka", "Nwosu",  "García",   "Haddad",
                                      "Smith",    "Silva",  "Borg",   "Yamamoto", "Khalil"};
// 2023-01-01T00:00:00Z and the span of two years after it.
constexpr std::int64_t kFirstMessageTime = 1672531200;
constexpr std::int64_t kMessageTimeSpan = std::int64_t{2} * 365 * 86400;

}  // namespace

void Store::generate_users(const std::string& org_id, std::size_t count, const std::string& role) {
  std::lock_guard lock(mutex_);
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) {
    throw std::invalid_argument("unknown organization " + org_id);
  }
  Organization& organization = org->second;
  if (organization.roles.count(role) == 0) throw std::invalid_argument("unknown role " + role);

  std::mt19937_64 random(generated_ + 1);
  organization.users.reserve(organization.users.size() + count);
  organization.user_id_by_email.reserve(organization.user_id_by_email.size() + count);
  for (std::size_t made = 0; made < count;) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "%07zu", ++generated_);
    User user;
    user.org_id = org_id;
    user.user_id = std::string("generated-") + suffix;
    user.email = std::string("generated-") + suffix + "@example.com";
    if (organization.users.count(user.user_id) > 0 ||
        organization.user_id_by_email.count(user.email) > 0) {
      continue;
    }
    user.first_name = kFirstNames[random() % std::size(kFirstNames)];
    user.last_name = kLastNames[random() % std::size(kLastNames)];
    user.role = role;
    user.verified = random() % 4 != 0;
    user.stats.num_conversations = static_cast<std::int64_t>(random() % 200);
    user.stats.num_messages =
        user.stats.num_conversations * static_cast<std::int64_t>(random() % 30);
    if (user.stats.num_conversations > 0) {
      const auto seconds =
          kFirstMessageTime + static_cast<std::int64_t>(random() % kMessageTimeSpan);
      user.stats.last_message_time = format_rfc3339_utc(seconds);
      user.stats.last_message_micros = seconds * 1000000;
    }
    organization.user_id_by_email.emplace(user.email, user.user_id);
    organization.users.emplace(user.user_id, std::move(user));
    ++made;
  }
  forget_order(org_id);
}

}  // namespace amigo::emulator
