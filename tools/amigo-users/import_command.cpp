// amigo-users import: invites the people of a CSV file. Every row is checked
// before the first request; the valid ones go out paced under the server's
// rate limit; a journal makes a rerun pick up where a run stopped.

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "csv_file.hpp"
#include "exit_codes.hpp"
#include "import_rows.hpp"
#include "import_run.hpp"
#include "interrupt.hpp"

namespace amigo_users {
namespace {

struct ImportFlags {
  std::string file;
  std::string journal;
  std::string failures;
  bool dry_run = false;
  int rate = 50;
};

std::string journal_path(const ImportFlags& flags) {
  return flags.journal.empty() ? flags.file + ".journal" : flags.journal;
}

std::string failures_path(const ImportFlags& flags) {
  return flags.failures.empty() ? flags.file + ".failures.csv" : flags.failures;
}

// Invalid and failed rows together, in file order, for fixing and re-importing.
void write_failures(const std::string& path, const ImportPlan& plan,
                    const std::vector<RowFailure>& failed) {
  std::vector<RowFailure> rows = failed;
  for (const InvalidRow& invalid : plan.invalid) {
    rows.push_back(RowFailure{invalid.line, invalid.email, invalid.reason});
  }
  std::sort(rows.begin(), rows.end(),
            [](const RowFailure& a, const RowFailure& b) { return a.line < b.line; });

  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) throw UsageError("cannot write " + path + ": " + std::strerror(errno));
  CsvWriter csv(out);
  csv.write_row({"line", "email", "error"});
  for (const RowFailure& row : rows) {
    const std::string line = std::to_string(row.line);
    csv.write_row({line, row.email, row.error});
  }
  std::fclose(out);
}

void print_summary(const ImportFlags& flags, const ImportPlan& plan, const ImportRun& run) {
  const ImportTally& tally = run.tally();
  std::printf("Imported %s (%zu rows):\n", flags.file.c_str(), plan.total);
  std::printf("  invited                         %5zu\n", tally.invited);
  std::printf("  already existed                 %5zu\n", tally.existed);
  std::printf("  failed                          %5zu\n", tally.failed);
  std::printf("  skipped, done by an earlier run %5zu\n", tally.skipped);
  std::printf("  invalid                         %5zu\n", plan.invalid.size());
  if (tally.failed > 0 || !plan.invalid.empty()) {
    std::printf("Failed and invalid rows: %s\n", failures_path(flags).c_str());
  }
  std::printf("Journal: %s\n", journal_path(flags).c_str());
  std::fflush(stdout);
}

// What a person reads at the end, and the file of rows to fix.
void report(const ImportFlags& flags, const ImportPlan& plan, const ImportRun& run) {
  if (run.tally().failed > 0 || !plan.invalid.empty()) {
    write_failures(failures_path(flags), plan, run.failures());
  }
  print_summary(flags, plan, run);
}

int dry_run(const ImportPlan& plan) {
  std::printf("Dry run: %zu of %zu rows are valid; nothing was sent.\n", plan.rows.size(),
              plan.total);
  return plan.invalid.empty() ? kExitSuccess : kExitPartial;
}

int run_import(const ImportFlags& flags, const ConnectionFlags& connection) {
  const ImportPlan plan = plan_import(read_csv_file(flags.file));
  for (const InvalidRow& invalid : plan.invalid) std::cerr << describe(invalid) << '\n';
  if (flags.dry_run) return dry_run(plan);

  InvitePacer pacer(flags.rate);
  amigo::ClientOptions options = client_options(connection);
  options.on_rate_limit = [&pacer](const amigo::RateLimitInfo& info) {
    if (info.operation == amigo::Operation::invite_user) {
      pacer.observe(info, InvitePacer::Clock::now());
    }
  };
  amigo::AmigoClient client(std::move(options));
  Journal journal(journal_path(flags));
  ImportRun run(client.user(), journal, pacer);

  const auto to_send = static_cast<std::size_t>(
      std::count_if(plan.rows.begin(), plan.rows.end(),
                    [&run](const ImportRow& row) { return !run.finished_earlier(row); }));
  ImportProgress progress(stderr, to_send, isatty(STDERR_FILENO) != 0);
  catch_interrupt();

  bool completed = false;
  try {
    completed = run.run(plan.rows, progress);
  } catch (const amigo::Error&) {
    // The summary still tells what was done; the row in flight stays pending.
    progress.finish();
    report(flags, plan, run);
    throw;
  }
  progress.finish();
  report(flags, plan, run);

  if (!completed) {
    std::cerr << "Interrupted; run the same command again to continue where this run stopped.\n";
    return kExitInterrupted;
  }
  return plan.invalid.empty() && run.tally().failed == 0 ? kExitSuccess : kExitPartial;
}

}  // namespace

Command add_import_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* app = parent.add_subcommand("import", "Invite every person listed in a CSV file");
  app->add_option("FILE", flags->file, "CSV file; its first line names the columns")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--journal", flags->journal,
                  "Journal of each row's outcome (default FILE.journal)");
  app->add_option("--failures", flags->failures,
                  "Where to write failed and invalid rows (default FILE.failures.csv)");
  app->add_flag("--dry-run", flags->dry_run, "Check every row and stop; send nothing");
  app->add_option("--rate", flags->rate, "At most this many invites per minute (default 50)")
      ->check(CLI::Range(1, 100000));
  app->footer(
      "Columns, in any order: email, first_name, last_name, role (required), timezone,\n"
      "language, login_link. Every row is checked before anything is sent; invalid\n"
      "rows are reported with their line numbers and the others are still imported.\n"
      "Invites go out as fast as the server's rate limit allows (its X-RateLimit\n"
      "headers), never more than --rate per minute.\n\n"
      "The journal records each row as it goes. Run the same command again after an\n"
      "interruption (Ctrl-C, a crash): rows already invited or found to exist are\n"
      "skipped, failed rows are tried again, and a row that was in flight is looked\n"
      "up before it is sent, so no one is invited twice.\n\n"
      "Exit codes: 0 all rows imported (or already existed), 1 the API failed for\n"
      "every row (e.g. credentials), 2 usage error, 3 some rows invalid or failed,\n"
      "130 interrupted.\n\n"
      "Example:\n  amigo-users import new-hires.csv --dry-run\n"
      "  amigo-users import new-hires.csv --rate 30");
  return Command{app, [flags, &connection] { return run_import(*flags, connection); }};
}

}  // namespace amigo_users
