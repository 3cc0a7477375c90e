// update_user bodies: a request built from fuzz bytes is encoded, read back
// with nlohmann, and every field must come back in the state it was sent in.
// For the two Field<T>s that is all three: absent, null, or the value.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_checks.hpp"
#include "user_codec.hpp"

namespace {

using amigo::fuzz::require;
using Json = nlohmann::json;

constexpr std::size_t kMaxListLength = 24;

amigo::Field<std::string> consume_field(FuzzedDataProvider& input) {
  switch (input.ConsumeIntegralInRange(0, 2)) {
    case 0:
      return {};
    case 1:
      return amigo::null;
    default:
      return input.ConsumeRandomLengthString();
  }
}

std::optional<std::string> consume_text(FuzzedDataProvider& input) {
  if (!input.ConsumeBool()) return std::nullopt;
  return input.ConsumeRandomLengthString();
}

std::optional<bool> consume_flag(FuzzedDataProvider& input) {
  if (!input.ConsumeBool()) return std::nullopt;
  return input.ConsumeBool();
}

std::optional<std::vector<std::string>> consume_list(FuzzedDataProvider& input) {
  if (!input.ConsumeBool()) return std::nullopt;
  std::vector<std::string> list(input.ConsumeIntegralInRange<std::size_t>(0, kMaxListLength));
  for (auto& item : list) item = input.ConsumeRandomLengthString();
  return list;
}

amigo::UserUpdateRequest consume_request(FuzzedDataProvider& input) {
  amigo::UserUpdateRequest request;
  request.first_name = consume_text(input);
  request.last_name = consume_text(input);
  request.enable_response_recommendation = consume_flag(input);
  request.preferred_language = consume_field(input);
  request.timezone = consume_field(input);
  request.conversations_visible_to_admins = consume_flag(input);
  request.user_model_visible_to_admins = consume_flag(input);
  request.additional_context = consume_list(input);
  request.audio_keyterms = consume_list(input);
  return request;
}

// Counts the keys checked, so that a key the request did not set shows up.
class BodyReader {
 public:
  explicit BodyReader(const Json& body) : body_(body) {}

  template <typename T>
  void expect(const char* key, const std::optional<T>& sent) {
    auto it = body_.find(key);
    if (!sent) {
      require(it == body_.end(), "an unset optional is left out");
      return;
    }
    require(it != body_.end(), "a set optional is sent");
    require(it->get<T>() == *sent, "a set optional is sent as it was given");
    ++keys_;
  }

  void expect(const char* key, const amigo::Field<std::string>& sent) {
    auto it = body_.find(key);
    if (!sent.is_set()) {
      require(it == body_.end(), "a Field that is not set is left out");
      return;
    }
    require(it != body_.end(), "a null or valued Field is sent");
    if (sent.is_null()) {
      require(it->is_null(), "a null Field is sent as JSON null");
    } else {
      require(it->is_string() && it->get<std::string>() == sent.value(),
              "a Field's value is sent as it was given");
    }
    ++keys_;
  }

  void expect_no_other_keys() const {
    require(body_.size() == keys_, "the body holds only the fields that were set");
  }

 private:
  const Json& body_;
  std::size_t keys_ = 0;
};

void check_round_trip(const amigo::UserUpdateRequest& request, const std::string& encoded) {
  const Json body = Json::parse(encoded);  // a throw here is a broken body, and aborts
  require(body.is_object(), "the body is a JSON object");
  BodyReader reader(body);
  reader.expect("first_name", request.first_name);
  reader.expect("last_name", request.last_name);
  reader.expect("enable_response_recommendation", request.enable_response_recommendation);
  reader.expect("preferred_language", request.preferred_language);
  reader.expect("timezone", request.timezone);
  reader.expect("conversations_visible_to_admins", request.conversations_visible_to_admins);
  reader.expect("user_model_visible_to_admins", request.user_model_visible_to_admins);
  reader.expect("additional_context", request.additional_context);
  reader.expect("audio_keyterms", request.audio_keyterms);
  reader.expect_no_other_keys();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const amigo::UserUpdateRequest request = consume_request(input);
  // Requests the SDK refuses before sending end in InvalidArgumentError.
  amigo::fuzz::expect_only<amigo::InvalidArgumentError>(
      [&] { check_round_trip(request, amigo::detail::encode_update(request)); });
  return 0;
}
