// A delete whose answer was lost may already have been applied: the retry's
// 404 then means the user is gone, which is what the caller asked for.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "amigo/client.hpp"
#include "amigo/errors.hpp"
#include "pipeline_test_support.hpp"

namespace amigo::detail {
namespace {

using pipeline_test::Harness;
using test::json_response;

constexpr const char* kNotFound = R"({"detail":"User u1 not found."})";

test::RecordingTransport::Reply fail_with(bool may_have_been_sent) {
  return [may_have_been_sent](const HttpRequest&) -> HttpResponse {
    throw TransportError("connection reset", may_have_been_sent);
  };
}

test::RecordingTransport::Reply time_out() {
  return [](const HttpRequest&) -> HttpResponse { throw TimeoutError("timed out", true); };
}

TEST(LostAnswer, DeleteAnsweredNotFoundAfterALostAnswerSucceeds) {
  Harness harness;
  AmigoClient client(harness.options());
  harness.transport->push(fail_with(true));
  harness.transport->push(json_response(404, kNotFound));

  client.user().delete_user("u1");

  ASSERT_EQ(harness.transport->requests().size(), 2u);
  const std::vector<std::string> info = harness.logs.texts(LogLevel::info);
  ASSERT_EQ(info.size(), 2u);
  EXPECT_EQ(info.at(1),
            "delete_user attempt 2 got HTTP 404 after an earlier attempt's answer was lost: it "
            "was already gone, removed by that attempt, so the call succeeded");
}

TEST(LostAnswer, DeleteAnsweredNotFoundAfterATimeoutSucceeds) {
  Harness harness;
  AmigoClient client(harness.options());
  harness.transport->push(time_out());
  harness.transport->push(json_response(503, R"({"detail":"busy"})"));
  harness.transport->push(json_response(404, kNotFound));

  client.user().delete_user("u1");

  EXPECT_EQ(harness.transport->requests().size(), 3u);
}

TEST(LostAnswer, DeleteNotFoundOnTheFirstAttemptIsNotFoundError) {
  Harness harness;
  AmigoClient client(harness.options());
  harness.transport->push(json_response(404, kNotFound));

  EXPECT_THROW(client.user().delete_user("u1"), NotFoundError);
  EXPECT_EQ(harness.transport->requests().size(), 1u);
}

TEST(LostAnswer, DeleteNotFoundAfterAFailureBeforeSendingIsNotFoundError) {
  Harness harness;
  AmigoClient client(harness.options());
  harness.transport->push(fail_with(false));
  harness.transport->push(json_response(404, kNotFound));

  EXPECT_THROW(client.user().delete_user("u1"), NotFoundError);
  EXPECT_EQ(harness.transport->requests().size(), 2u);
}

TEST(LostAnswer, UpdateNotFoundAfterALostAnswerIsStillNotFoundError) {
  Harness harness;
  AmigoClient client(harness.options());
  harness.transport->push(fail_with(true));
  harness.transport->push(json_response(404, kNotFound));

  UserUpdateRequest update;
  update.first_name = "A";
  EXPECT_THROW(client.user().update_user("u1", update), NotFoundError);
  EXPECT_EQ(harness.transport->requests().size(), 2u);
}

}  // namespace
}  // namespace amigo::detail
