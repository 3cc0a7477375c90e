#include "request_encoding.hpp"

#include <gtest/gtest.h>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

TEST(PercentEncode, KeepsUnreservedCharactersOnly) {
  EXPECT_EQ(percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode("a/b?c#d%e f"), "a%2Fb%3Fc%23d%25e%20f");
  EXPECT_EQ(percent_encode("+&=@:;,!*'()[]$\"<>\\^`{|}"),
            "%2B%26%3D%40%3A%3B%2C%21%2A%27%28%29%5B%5D%24%22%3C%3E%5C%5E%60%7B%7C%7D");
  EXPECT_EQ(percent_encode(""), "");
}

TEST(PercentEncode, EncodesUtf8ByteByByteInUpperCase) {
  EXPECT_EQ(percent_encode("Jos\xC3\xA9"), "Jos%C3%A9");          // José
  EXPECT_EQ(percent_encode("\xE2\x82\xAC"), "%E2%82%AC");         // €
  EXPECT_EQ(percent_encode("\xF0\x9F\x98\x80"), "%F0%9F%98%80");  // 😀
  EXPECT_EQ(percent_encode(std::string("\x00\x7F\xFF", 3)), "%00%7F%FF");
}

TEST(UserIdSegment, EncodesTheIdAsOneSegment) {
  EXPECT_EQ(user_id_segment(Operation::update_user, "u-123"), "u-123");
  EXPECT_EQ(user_id_segment(Operation::update_user, "../admin"), "..%2Fadmin");
  EXPECT_EQ(user_id_segment(Operation::delete_user, "..."), "...");
}

TEST(UserIdSegment, RefusesIdsThatCannotBeAPathSegment) {
  struct Case {
    const char* id;
    const char* message;
  };
  const Case cases[] = {
      {"",
       "update_user: user_id must not be empty; pass the id invite_user or list_users "
       "returned"},
      {".",
       "update_user: user_id must not be \".\" or \"..\": URL normalisation would change "
       "the path"},
      {"..",
       "update_user: user_id must not be \".\" or \"..\": URL normalisation would change "
       "the path"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    try {
      user_id_segment(Operation::update_user, c.id);
      ADD_FAILURE() << "no exception";
    } catch (const InvalidArgumentError& error) {
      EXPECT_STREQ(error.what(), c.message);
    }
  }
}

TEST(ListUsersQuery, IsEmptyForTheDefaultRequest) { EXPECT_EQ(list_users_query({}), ""); }

TEST(ListUsersQuery, RepeatsKeysInAFixedOrder) {
  ListUsersRequest request;
  request.sort_by = {UserSort::descending(UserSortField::last_message_time),
                     UserSort::ascending(UserSortField::email)};
  request.continuation_token = 100;
  request.limit = 50;
  request.emails = {"x@y.com"};
  request.user_ids = {"a", "b"};
  EXPECT_EQ(list_users_query(request),
            "user_id=a&user_id=b&email=x%40y.com&limit=50&continuation_token=100"
            "&sort_by=-user_stats.last_message_time&sort_by=%2Bemail");
}

TEST(ListUsersQuery, EncodesEachParameterAlone) {
  struct Case {
    const char* name;
    ListUsersRequest request;
    const char* query;
  };
  ListUsersRequest ids;
  ids.user_ids = {"u/1", "u 2&x=y"};
  ListUsersRequest emails;
  emails.emails = {"a+b@example.com"};
  ListUsersRequest zero_limit;
  zero_limit.limit = 0;
  ListUsersRequest max_limit;
  max_limit.limit = 100;
  ListUsersRequest first_token;
  first_token.continuation_token = 0;
  ListUsersRequest sorts;
  sorts.sort_by = {UserSort::ascending(UserSortField::first_name),
                   UserSort::descending(UserSortField::last_name),
                   UserSort::ascending(UserSortField::num_conversations),
                   UserSort::descending(UserSortField::num_messages)};
  const Case cases[] = {
      {"user ids", ids, "user_id=u%2F1&user_id=u%202%26x%3Dy"},
      {"emails", emails, "email=a%2Bb%40example.com"},
      {"limit 0", zero_limit, "limit=0"},
      {"limit 100", max_limit, "limit=100"},
      {"token 0", first_token, "continuation_token=0"},
      {"sorts", sorts,
       "sort_by=%2Bfirst_name&sort_by=-last_name&sort_by=%2Buser_stats.num_conversations"
       "&sort_by=-user_stats.num_messages"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(list_users_query(c.request), c.query);
  }
}

TEST(ListUsersQuery, RefusesOutOfRangeLimitAndToken) {
  ListUsersRequest too_big;
  too_big.limit = 101;
  ListUsersRequest negative_limit;
  negative_limit.limit = -1;
  ListUsersRequest negative_token;
  negative_token.continuation_token = -5;
  EXPECT_THROW(list_users_query(too_big), InvalidArgumentError);
  EXPECT_THROW(list_users_query(negative_limit), InvalidArgumentError);
  try {
    check_list_request(negative_token);
    ADD_FAILURE() << "no exception";
  } catch (const InvalidArgumentError& error) {
    EXPECT_STREQ(error.what(),
                 "list_users: continuation_token must not be negative, got -5; pass the token of "
                 "the previous page, or leave it unset for the first page");
  }
  try {
    check_list_request(too_big);
    ADD_FAILURE() << "no exception";
  } catch (const InvalidArgumentError& error) {
    EXPECT_STREQ(error.what(),
                 "list_users: limit must be between 0 and 100, got 101; leave it unset for the "
                 "server's default of 100");
  }
}

TEST(UserSortToString, WritesTheWireForm) {
  EXPECT_EQ(UserSort::ascending(UserSortField::first_name).to_string(), "+first_name");
  EXPECT_EQ(UserSort::descending(UserSortField::last_name).to_string(), "-last_name");
  EXPECT_EQ(UserSort::ascending(UserSortField::email).to_string(), "+email");
  EXPECT_EQ(UserSort::ascending(UserSortField::num_conversations).to_string(),
            "+user_stats.num_conversations");
  EXPECT_EQ(UserSort::ascending(UserSortField::num_messages).to_string(),
            "+user_stats.num_messages");
  EXPECT_EQ(UserSort::descending(UserSortField::last_message_time).to_string(),
            "-user_stats.last_message_time");
}

}  // namespace
}  // namespace amigo::detail
