#include <gtest/gtest.h>

#include <chrono>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::Fault;
using amigo::testing::FaultAction;
using nlohmann::json;

class FaultTest : public ::testing::Test {
 protected:
  void SetUp() override { client_.as(); }  // sign in before any fault is armed

  static Fault fault(FaultAction action, const std::string& method = "POST",
                     const std::string& path = kUsersPath) {
    Fault fault;
    fault.method = method;
    fault.path = path;
    fault.action = action;
    return fault;
  }

  bool exists(const std::string& email) {
    const json state = json::parse(emulator_.state_json());
    for (const auto& user : state["users"]) {
      if (user["email"] == email) return true;
    }
    return false;
  }

  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(FaultTest, StatusAnswersWithoutApplyingForCountRequests) {
  Fault injected = fault(FaultAction::status);
  injected.status = 503;
  injected.retry_after = "2";
  injected.count = 2;
  emulator_.add_fault(injected);

  for (int i = 0; i < 2; ++i) {
    const auto result = client_.invite(invite_body("faulted@example.com"));
    ASSERT_EQ(result->status, 503);
    EXPECT_EQ(result->get_header_value("Retry-After"), "2");
    EXPECT_TRUE(body_of(result)["detail"].is_string());
    EXPECT_TRUE(result->has_header("X-RateLimit-Limit"));
  }
  EXPECT_FALSE(exists("faulted@example.com"));
  EXPECT_EQ(client_.invite(invite_body("faulted@example.com"))->status, 201);
}

TEST_F(FaultTest, StatusCanCarryAnHttpDateAndABody) {
  Fault injected = fault(FaultAction::status, "GET");
  injected.status = 429;
  injected.retry_after = "Wed, 21 Oct 2037 07:28:00 GMT";
  injected.body = R"({"detail": "slow down"})";
  emulator_.add_fault(injected);

  const auto result = client_.list("");
  ASSERT_EQ(result->status, 429);
  EXPECT_EQ(result->get_header_value("Retry-After"), "Wed, 21 Oct 2037 07:28:00 GMT");
  EXPECT_EQ(body_of(result)["detail"], "slow down");
}

TEST_F(FaultTest, MatchesMethodAndPathPrefix) {
  emulator_.add_fault(fault(FaultAction::status, "DELETE", "/v1/demo-org/user/user-*"));
  EXPECT_EQ(client_.list("")->status, 200);                // another method
  EXPECT_EQ(client_.remove("manager-user")->status, 204);  // outside the prefix
  EXPECT_EQ(client_.remove("user-zoe")->status, 503);
  EXPECT_EQ(client_.remove("user-noah")->status, 204);  // the one match is used up
}

TEST_F(FaultTest, DelayWaitsThenAnswersNormally) {
  Fault injected = fault(FaultAction::delay, "GET");
  injected.delay = std::chrono::milliseconds(300);
  emulator_.add_fault(injected);

  const auto start = std::chrono::steady_clock::now();
  const auto result = client_.list("");
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
  EXPECT_EQ(result->status, 200);
}

TEST_F(FaultTest, CloseBeforeDropsTheConnectionWithoutApplying) {
  emulator_.add_fault(fault(FaultAction::close_before));
  const auto result = client_.invite(invite_body("dropped@example.com"));
  EXPECT_FALSE(result);
  EXPECT_FALSE(exists("dropped@example.com"));
  // The next request works on a new connection.
  EXPECT_EQ(client_.invite(invite_body("dropped@example.com"))->status, 201);
}

TEST_F(FaultTest, CloseAfterAppliesThenDropsTheConnection) {
  emulator_.add_fault(fault(FaultAction::close_after));
  const auto result = client_.invite(invite_body("ghost.writer@example.com"));
  EXPECT_FALSE(result);
  EXPECT_TRUE(exists("ghost.writer@example.com"));
  EXPECT_EQ(client_.invite(invite_body("ghost.writer@example.com"))->status, 409);
}

TEST_F(FaultTest, TruncatedBodyAppliesThenSendsHalfTheJson) {
  emulator_.add_fault(fault(FaultAction::truncated_body));
  const auto result = client_.invite(invite_body("half@example.com"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
  EXPECT_TRUE(body_of(result).is_discarded()) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(exists("half@example.com"));

  emulator_.add_fault(fault(FaultAction::truncated_body, "GET"));
  const auto listed = client_.list("");
  ASSERT_EQ(listed->status, 200);
  EXPECT_TRUE(body_of(listed).is_discarded());
  EXPECT_EQ(listed->body.front(), '{');
}

TEST_F(FaultTest, TruncatedBodyTurnsANoContentAnswerInto200WithCutJson) {
  emulator_.add_fault(fault(FaultAction::truncated_body, "POST", "/v1/demo-org/user/user-zoe"));
  const auto result = client_.update("user-zoe", {{"first_name", "Zed"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_TRUE(body_of(result).is_discarded());
  EXPECT_EQ(state_user(emulator_, "user-zoe")["first_name"], "Zed");
}

TEST_F(FaultTest, HtmlBodyAnswersAnHtmlErrorPage) {
  emulator_.add_fault(fault(FaultAction::html_body, ""));
  const auto result = client_.list("");
  ASSERT_EQ(result->status, 502);
  EXPECT_EQ(result->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(result->body.find("<html>"), std::string::npos);

  Fault custom = fault(FaultAction::html_body, "GET");
  custom.status = 504;
  custom.body = "<html><body>Gateway Timeout</body></html>";
  emulator_.add_fault(custom);
  const auto second = client_.list("");
  EXPECT_EQ(second->status, 504);
  EXPECT_EQ(second->body, "<html><body>Gateway Timeout</body></html>");
}

TEST_F(FaultTest, AdminApiAddsListsAndClearsFaults) {
  const json faults = json::array(
      {{{"method", "GET"}, {"path", "/v1/*"}, {"action", "status"}, {"status", 500}, {"count", -1}},
       {{"path", "/v1/demo-org/user/"}, {"action", "delay"}, {"delay_ms", 10}}});
  ASSERT_EQ(client_.http().Post("/_emulator/faults", faults.dump(), "application/json")->status,
            200);
  EXPECT_EQ(body_of(client_.http().Get("/_emulator/faults"))["faults"].size(), 2u);
  EXPECT_EQ(client_.list("")->status, 500);
  EXPECT_EQ(client_.list("")->status, 500);

  ASSERT_EQ(client_.http().Delete("/_emulator/faults")->status, 200);
  EXPECT_EQ(client_.list("")->status, 200);

  const json bad = {{"path", "/v1/"}, {"action", "explode"}};
  EXPECT_EQ(client_.http().Post("/_emulator/faults", bad.dump(), "application/json")->status, 400);
  EXPECT_EQ(client_.http()
                .Post("/_emulator/faults", R"({"action":"status"})", "application/json")
                ->status,
            400);
}

TEST_F(FaultTest, AdminApiIsNeverFaulted) {
  Fault everything = fault(FaultAction::status, "", "/*");
  everything.count = -1;
  emulator_.add_fault(everything);
  EXPECT_EQ(client_.http().Get("/_emulator/state")->status, 200);
  EXPECT_EQ(client_.list("")->status, 503);
  emulator_.clear_faults();
  EXPECT_EQ(client_.list("")->status, 200);
}

}  // namespace
}  // namespace amigo::emulator::test
