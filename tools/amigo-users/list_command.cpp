// amigo-users list: one page of users by default, every page with --all.

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "exit_codes.hpp"
#include "sort_keys.hpp"
#include "user_writers.hpp"

namespace amigo_users {
namespace {

struct ListFlags {
  std::vector<std::string> emails;
  std::vector<std::string> user_ids;
  std::vector<std::string> sort_keys;
  std::optional<int> limit;
  bool all = false;
  OutputFormat format = OutputFormat::table;
};

amigo::ListUsersRequest list_request(const ListFlags& flags) {
  amigo::ListUsersRequest request;
  request.emails = flags.emails;
  request.user_ids = flags.user_ids;
  request.limit = flags.limit;
  for (const std::string& key : flags.sort_keys) request.sort_by.push_back(parse_sort_key(key));
  return request;
}

int run_list(const ListFlags& flags, const ConnectionFlags& connection) {
  const amigo::ListUsersRequest request = list_request(flags);
  amigo::AmigoClient client(client_options(connection));
  const std::unique_ptr<UserWriter> writer = make_user_writer(flags.format, stdout);

  if (flags.all) {
    for (const amigo::User& user : client.user().list_all_users(request)) writer->write(user);
    writer->finish();
    return kExitSuccess;
  }

  const amigo::UserPage page = client.user().list_users(request);
  for (const amigo::User& user : page.users) writer->write(user);
  writer->finish();
  std::fflush(stdout);
  if (page.has_more) {
    std::cerr << "More users match; pass --all to list every page, or a larger --limit.\n";
  }
  return kExitSuccess;
}

}  // namespace

Command add_list_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<ListFlags>();
  CLI::App* app = parent.add_subcommand("list", "List the organization's users");
  app->add_option("--email", flags->emails, "Only this email; repeat for more");
  app->add_option("--user-id", flags->user_ids, "Only this user id; repeat for more");
  app->add_option("--sort", flags->sort_keys,
                  "Sort key: last_name, +email, -last_message_time, "
                  "-user_stats.num_messages...; repeat to break ties");
  app->add_option("--limit", flags->limit, "Users per page (0 to 100; server default 100)")
      ->check(CLI::Range(0, 100));
  app->add_flag("--all", flags->all, "Follow the pages to the last user");
  app->add_option("--format", flags->format, "table (default), json (one object a line) or csv")
      ->transform(CLI::CheckedTransformer(output_format_names(), CLI::ignore_case));
  app->footer(
      "Sort fields: first_name, last_name, email, num_conversations, num_messages,\n"
      "last_message_time (the last three also as user_stats.<field>); prefix - for\n"
      "descending, + (or nothing) for ascending.\n\n"
      "Example:\n  amigo-users list --sort last_name --all\n"
      "  amigo-users list --email ana@example.com --format json");
  return Command{app, [flags, &connection] { return run_list(*flags, connection); }};
}

}  // namespace amigo_users
