// amigo-users invite: one user; prints the new user's id and nothing else, so
// that scripts can capture it.

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "exit_codes.hpp"
#include "invite_preferences.hpp"

namespace amigo_users {
namespace {

struct InviteFlags {
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string role;
  std::string timezone;
  std::string language;
  std::string login_link;
  std::vector<std::string> variables;
};

std::map<std::string, std::string> parse_variables(const std::vector<std::string>& assignments) {
  std::map<std::string, std::string> variables;
  for (const std::string& assignment : assignments) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw UsageError("--var expects name=value, got '" + assignment + "'");
    }
    variables[assignment.substr(0, equals)] = assignment.substr(equals + 1);
  }
  return variables;
}

amigo::UserInviteRequest invite_request(const InviteFlags& flags) {
  amigo::UserInviteRequest request;
  request.email = flags.email;
  request.first_name = flags.first_name;
  request.last_name = flags.last_name;
  request.role = flags.role;
  if (!flags.login_link.empty()) request.login_link = flags.login_link;
  request.nonsensitive_user_variables = parse_variables(flags.variables);
  request.user_preferences = invite_preferences(flags.timezone, flags.language);
  return request;
}

int run_invite(const InviteFlags& flags, const ConnectionFlags& connection) {
  const amigo::UserInviteRequest request = invite_request(flags);
  amigo::AmigoClient client(client_options(connection));
  const amigo::UserInviteResponse invited = client.user().invite_user(request);
  std::cout << invited.user_id << '\n';
  return kExitSuccess;
}

}  // namespace

Command add_invite_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<InviteFlags>();
  CLI::App* app = parent.add_subcommand("invite", "Invite one user; prints the new user's id");
  app->add_option("--email", flags->email, "Email address; unique in the organization")->required();
  app->add_option("--first-name", flags->first_name, "First name")->required();
  app->add_option("--last-name", flags->last_name, "Last name")->required();
  app->add_option("--role", flags->role, "Role to give, e.g. DefaultUserRole")->required();
  app->add_option("--timezone", flags->timezone, "IANA time zone, e.g. Europe/Madrid");
  app->add_option("--language", flags->language, "Preferred language, ISO 639-3 (e.g. spa)");
  app->add_option("--login-link", flags->login_link,
                  "Emailed to the user as the link to sign in with");
  app->add_option("--var", flags->variables,
                  "A nonsensitive user variable as name=value; repeat for more");
  app->footer(
      "Example:\n  amigo-users invite --email ana@example.com --first-name Ana \\\n"
      "      --last-name García --role DefaultUserRole --timezone Europe/Madrid");
  return Command{app, [flags, &connection] { return run_invite(*flags, connection); }};
}

}  // namespace amigo_users
