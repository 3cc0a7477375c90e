// amigo-users import under the server's rate limit, and after interruptions:
// every row is invited exactly once, however the run ended.

#include <signal.h>

#include <chrono>
#include <map>
#include <thread>

#include "cli_fixture.hpp"

namespace amigo_cli_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

class ImportPacingTest : public CliTest {
 protected:
  // Waits until the journal holds at least `records` lines.
  bool journal_reaches(const std::string& name, std::size_t records,
                       milliseconds timeout = milliseconds(10'000)) const {
    const auto deadline = steady_clock::now() + timeout;
    while (steady_clock::now() < deadline) {
      if (lines_of(read_file(name)).size() >= records) return true;
      std::this_thread::sleep_for(milliseconds(1));
    }
    return false;
  }

  void expect_each_invited_once(const std::string& domain, int count) const {
    std::map<std::string, int> invitations;
    const std::vector<nlohmann::json> all = users();
    for (const nlohmann::json& user : all) ++invitations[user.at("email").get<std::string>()];
    for (int i = 0; i < count; ++i) {
      const std::string email = "person" + std::to_string(1000 + i).substr(1) + "@" + domain;
      EXPECT_EQ(invitations[email], 1) << email;
    }
    EXPECT_EQ(all.size(), 3U + static_cast<std::size_t>(count));
  }
};

TEST_F(ImportPacingTest, RateLimitedImportWaitsForTheWindowAndLosesNoRow) {
  use_rate_limits(60);  // 50 invites per one-second window
  write_file("people.csv", people_csv("paced.example.com", 120));

  const auto started = steady_clock::now();
  const ProcessResult result = cli({"import", path("people.csv")});
  const auto elapsed = steady_clock::now() - started;

  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_each_invited_once("paced.example.com", 120);
  // Two full windows must pass before the last 20 may go. The pacing keeps
  // the server from refusing any invite, so no request was repeated. (How
  // fast the import goes is measured by the benchmarks, not asserted here.)
  EXPECT_GE(elapsed, milliseconds(2000));
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 120U);
}

TEST_F(ImportPacingTest, AnInviteStillRefusedAfterTheSdkRetriesIsRetriedNotFailed) {
  amigo::testing::Fault refuse;
  refuse.method = "POST";
  refuse.path = "/v1/cli-org/user/";
  refuse.status = 429;
  refuse.retry_after = "0";
  refuse.count = 4;  // every attempt the SDK makes on the first row
  emulator_->add_fault(refuse);
  write_file("people.csv", people_csv("refused.example.com", 3));

  const ProcessResult result = cli({"import", path("people.csv")});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.find("failed                              1"), std::string::npos);
  expect_each_invited_once("refused.example.com", 3);
}

TEST_F(ImportPacingTest, ALostAnswerLeavesTheRowPendingAndTheRerunDoesNotResendIt) {
  amigo::testing::Fault lost;
  lost.method = "POST";
  lost.path = "/v1/cli-org/user/";
  // The user is invited, but the answer breaks off: the client cannot know.
  lost.action = amigo::testing::FaultAction::truncated_body;
  emulator_->add_fault(lost);
  write_file("people.csv", people_csv("lost.example.com", 4));

  const ProcessResult first = cli({"import", path("people.csv")});

  EXPECT_EQ(first.exit_code, 1);
  EXPECT_EQ(lines_of(read_file("people.csv.journal")),
            (std::vector<std::string>{R"({"line":2,"email":"person000@lost.example.com",)"
                                      R"("state":"pending","user_id":null,"error":null})"}));
  EXPECT_EQ(users_with_email("person000@lost.example.com"), 1);

  const ProcessResult rerun = cli({"import", path("people.csv")});

  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("line 2: person000@lost.example.com: invited by an interrupted run; "
                           "not sent again\n"),
            std::string::npos)
      << rerun.err;
  expect_each_invited_once("lost.example.com", 4);
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 4U);
}

TEST_F(ImportPacingTest, AKilledImportRunAgainInvitesEveryRowExactlyOnce) {
  use_rate_limits(20);  // 50 invites per three-second window: 60 rows take over 3 s
  write_file("people.csv", people_csv("killed.example.com", 60));

  auto first = start_cli({"import", path("people.csv")});
  // An odd count: most likely a "pending" whose outcome is not yet written.
  ASSERT_TRUE(journal_reaches("people.csv.journal", 41));
  first->send_signal(SIGKILL);
  EXPECT_EQ(first->wait().exit_code, 128 + SIGKILL);

  const ProcessResult rerun = cli({"import", path("people.csv")});

  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  expect_each_invited_once("killed.example.com", 60);
  // No row was sent twice: one invite request per row, and no 409 among them.
  EXPECT_EQ(emulator_->counters().requests_of("invite_user"), 60U);
  EXPECT_EQ(rerun.err.find("already exists"), std::string::npos) << rerun.err;
}

TEST_F(ImportPacingTest, CtrlCFinishesTheRowWritesTheSummaryAndExits130) {
  use_rate_limits(20);
  write_file("people.csv", people_csv("sigint.example.com", 55));

  auto first = start_cli({"import", path("people.csv")});
  // 50 rows, pending and outcome each: the import now waits for the window.
  ASSERT_TRUE(journal_reaches("people.csv.journal", 100));
  first->send_signal(SIGINT);
  const ProcessResult stopped = first->wait();

  // It stopped at the window instead of waiting to send the last five.
  EXPECT_EQ(stopped.exit_code, 130);
  EXPECT_NE(stopped.out.find("  invited                            50\n"), std::string::npos)
      << stopped.out;
  EXPECT_NE(stopped.err.find("Interrupted; run the same command again to continue where this "
                             "run stopped.\n"),
            std::string::npos)
      << stopped.err;
  expect_no_secrets(stopped.out + stopped.err);

  const ProcessResult rerun = cli({"import", path("people.csv")});

  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.out.find("  invited                             5\n"
                           "  already existed                     0\n"
                           "  failed                              0\n"
                           "  skipped, done by an earlier run    50\n"),
            std::string::npos)
      << rerun.out;
  expect_each_invited_once("sigint.example.com", 55);
}

TEST_F(ImportPacingTest, ASecondCtrlCStopsAtOnceEvenDuringTheSdksRetryWait) {
  amigo::testing::Fault unavailable;
  unavailable.method = "POST";
  unavailable.path = "/v1/cli-org/user/";
  unavailable.status = 503;
  unavailable.retry_after = "30";
  unavailable.count = -1;
  emulator_->add_fault(unavailable);
  write_file("people.csv", people_csv("impatient.example.com", 3));

  auto running = start_cli({"import", path("people.csv")});
  // The first row is pending: its invite is out, and the SDK waits to retry it.
  ASSERT_TRUE(journal_reaches("people.csv.journal", 1));
  running->send_signal(SIGINT);
  // Two signals sent back to back may merge into one before delivery.
  std::this_thread::sleep_for(milliseconds(200));
  running->send_signal(SIGINT);
  const ProcessResult stopped = running->wait();

  EXPECT_EQ(stopped.exit_code, 130);
  EXPECT_NE(stopped.err.find("Stopping after the current row; press Ctrl-C again to stop at "
                             "once.\n"),
            std::string::npos)
      << stopped.err;
  EXPECT_EQ(stopped.out, "");
  EXPECT_EQ(lines_of(read_file("people.csv.journal")),
            (std::vector<std::string>{R"({"line":2,"email":"person000@impatient.example.com",)"
                                      R"("state":"pending","user_id":null,"error":null})"}));
}

}  // namespace
}  // namespace amigo_cli_test
