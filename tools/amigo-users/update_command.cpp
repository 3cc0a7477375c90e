// amigo-users update: changes only what is named on the command line. The
// time zone and language can also be cleared (sent as null), which is not
// the same as leaving them alone.

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "exit_codes.hpp"

namespace amigo_users {
namespace {

struct UpdateFlags {
  std::string user_id;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> timezone;
  bool clear_timezone = false;
  std::optional<std::string> language;
  bool clear_language = false;
  std::optional<bool> recommendations;
  std::optional<bool> conversations_visible;
  std::optional<bool> user_model_visible;
  std::vector<std::string> keyterms;
};

// What the update will change, in words, for the confirmation line.
struct UpdatePlan {
  amigo::UserUpdateRequest request;
  std::vector<std::string> set;
  std::vector<std::string> cleared;
};

template <typename T>
void set_if(const std::optional<T>& flag, std::optional<T>& field, const char* name,
            UpdatePlan& plan) {
  if (!flag) return;
  field = *flag;
  plan.set.emplace_back(name);
}

void set_three_state(const std::optional<std::string>& value, bool clear,
                     amigo::Field<std::string>& field, const char* name, UpdatePlan& plan) {
  if (value) {
    field = *value;
    plan.set.emplace_back(name);
  } else if (clear) {
    field = amigo::null;
    plan.cleared.emplace_back(name);
  }
}

UpdatePlan update_plan(const UpdateFlags& flags) {
  UpdatePlan plan;
  amigo::UserUpdateRequest& request = plan.request;
  set_if(flags.first_name, request.first_name, "first_name", plan);
  set_if(flags.last_name, request.last_name, "last_name", plan);
  set_three_state(flags.timezone, flags.clear_timezone, request.timezone, "timezone", plan);
  set_three_state(flags.language, flags.clear_language, request.preferred_language,
                  "preferred_language", plan);
  set_if(flags.recommendations, request.enable_response_recommendation,
         "enable_response_recommendation", plan);
  set_if(flags.conversations_visible, request.conversations_visible_to_admins,
         "conversations_visible_to_admins", plan);
  set_if(flags.user_model_visible, request.user_model_visible_to_admins,
         "user_model_visible_to_admins", plan);
  if (!flags.keyterms.empty()) {
    request.audio_keyterms = flags.keyterms;
    plan.set.emplace_back("audio_keyterms");
  }
  if (plan.set.empty() && plan.cleared.empty()) {
    throw UsageError("update: nothing to update; name at least one field to change (see --help)");
  }
  return plan;
}

std::string comma_separated(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

int run_update(const UpdateFlags& flags, const ConnectionFlags& connection) {
  const UpdatePlan plan = update_plan(flags);
  amigo::AmigoClient client(client_options(connection));
  client.user().update_user(flags.user_id, plan.request);

  std::cout << "updated " << flags.user_id;
  if (!plan.set.empty()) std::cout << "; set " << comma_separated(plan.set);
  if (!plan.cleared.empty()) std::cout << "; cleared " << comma_separated(plan.cleared);
  std::cout << '\n';
  return kExitSuccess;
}

const std::map<std::string, bool>& on_off() {
  static const std::map<std::string, bool> kValues{{"on", true}, {"off", false}};
  return kValues;
}

}  // namespace

Command add_update_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<UpdateFlags>();
  CLI::App* app = parent.add_subcommand(
      "update", "Change some of a user's fields; the others stay as they are");
  app->add_option("USER_ID", flags->user_id, "The user to update")->required();
  app->add_option("--first-name", flags->first_name, "New first name");
  app->add_option("--last-name", flags->last_name, "New last name");
  CLI::Option* timezone = app->add_option("--timezone", flags->timezone, "New IANA time zone");
  app->add_flag("--clear-timezone", flags->clear_timezone,
                "Erase the time zone; the organization's applies")
      ->excludes(timezone);
  CLI::Option* language =
      app->add_option("--language", flags->language, "New preferred language (ISO 639-3)");
  app->add_flag("--clear-language", flags->clear_language,
                "Erase the preferred language; the agent's default applies")
      ->excludes(language);
  app->add_option("--recommendations", flags->recommendations,
                  "Recommend responses when the user goes quiet: on or off")
      ->transform(CLI::CheckedTransformer(on_off(), CLI::ignore_case));
  app->add_option("--conversations-visible", flags->conversations_visible,
                  "Conversations visible to admins: on or off")
      ->transform(CLI::CheckedTransformer(on_off(), CLI::ignore_case));
  app->add_option("--user-model-visible", flags->user_model_visible,
                  "User model visible to admins: on or off")
      ->transform(CLI::CheckedTransformer(on_off(), CLI::ignore_case));
  app->add_option("--keyterm", flags->keyterms,
                  "Audio keyterm; repeat for more; replaces the current list");
  app->footer("Example:\n  amigo-users update u-123 --first-name Ana --clear-language");
  return Command{app, [flags, &connection] { return run_update(*flags, connection); }};
}

}  // namespace amigo_users
