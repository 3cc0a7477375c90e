#include "amigo/field.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "field_json.hpp"

namespace amigo {
namespace {

TEST(Field, StartsNotSet) {
  const Field<std::string> field;
  EXPECT_EQ(field.state(), Field<std::string>::State::not_set);
  EXPECT_FALSE(field.is_set());
  EXPECT_FALSE(field.is_null());
  EXPECT_FALSE(field.has_value());
  EXPECT_THROW((void)field.value(), std::logic_error);
}

TEST(Field, HoldsNullAfterAssigningAmigoNull) {
  Field<std::string> field = "x";
  field = amigo::null;
  EXPECT_EQ(field.state(), Field<std::string>::State::null);
  EXPECT_TRUE(field.is_set());
  EXPECT_TRUE(field.is_null());
  EXPECT_FALSE(field.has_value());
  EXPECT_THROW((void)field.value(), std::logic_error);
}

TEST(Field, HoldsAValueBuiltFromAnythingConvertible) {
  Field<std::string> field = "Europe/London";
  EXPECT_EQ(field.state(), Field<std::string>::State::value);
  EXPECT_TRUE(field.is_set());
  EXPECT_EQ(field.value(), "Europe/London");
  field = std::string("Asia/Tokyo");
  EXPECT_EQ(field.value(), "Asia/Tokyo");
  field.reset();
  EXPECT_FALSE(field.is_set());
}

TEST(Field, ComparesStateAndValue) {
  EXPECT_EQ(Field<std::string>{}, Field<std::string>{});
  EXPECT_EQ(Field<std::string>{amigo::null}, Field<std::string>{amigo::null});
  EXPECT_EQ(Field<std::string>{"a"}, Field<std::string>{"a"});
  EXPECT_NE(Field<std::string>{"a"}, Field<std::string>{"b"});
  EXPECT_NE(Field<std::string>{}, Field<std::string>{amigo::null});
  EXPECT_NE(Field<std::string>{amigo::null}, Field<std::string>{""});
}

TEST(FieldJson, NotSetIsOmittedNullIsNullAValueIsTheValue) {
  auto object = nlohmann::ordered_json::object();
  detail::put_field(object, "absent", Field<std::string>{});
  detail::put_field(object, "erased", Field<std::string>{amigo::null});
  detail::put_field(object, "set", Field<std::string>{"fra"});
  detail::put_field(object, "empty", Field<std::string>{""});
  EXPECT_EQ(object.dump(), R"({"erased":null,"set":"fra","empty":""})");
}

TEST(FieldJson, OptionalIsOmittedOrTheValue) {
  auto object = nlohmann::ordered_json::object();
  detail::put_optional(object, "absent", std::optional<bool>{});
  detail::put_optional(object, "no", std::optional<bool>{false});
  detail::put_optional(object, "list", std::optional<std::vector<std::string>>{{"a", "b"}});
  EXPECT_EQ(object.dump(), R"({"no":false,"list":["a","b"]})");
}

}  // namespace
}  // namespace amigo
