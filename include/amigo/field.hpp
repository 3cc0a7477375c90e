#pragma once

/// @file
/// amigo::Field<T>: a request field with three states on the wire.

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace amigo {

/// The type of amigo::null, the "erase this value" marker for a Field.
struct null_t {
  explicit constexpr null_t(int /*unused*/) {}
};

/// Assign to a Field to send JSON `null`, which erases the stored value.
inline constexpr null_t null{0};

/// A request field that is either not set (omitted from the JSON body), null
/// (sent as `null`: erase the value), or set to a value.
///
/// @code
/// amigo::UserUpdateRequest update;
/// update.timezone = "Europe/London";       // a value
/// update.preferred_language = amigo::null;  // erase
/// // anything left alone stays not set and is not sent
/// @endcode
template <typename T>
class Field {
 public:
  enum class State { not_set, null, value };

  /// Not set: the field is left out of the request.
  Field() = default;
  /// Null: the field is sent as JSON `null`.
  Field(null_t /*unused*/)
      : state_(std::in_place_index<1>) {}  // NOLINT(google-explicit-constructor)
  /// A value, from anything a T can be built from (`"Europe/London"`, say).
  template <typename U, typename = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                    !std::is_same_v<std::decay_t<U>, Field> &&
                                                    !std::is_same_v<std::decay_t<U>, null_t>>>
  Field(U&& value)  // NOLINT(google-explicit-constructor)
      : state_(std::in_place_index<2>, std::forward<U>(value)) {}

  [[nodiscard]] State state() const noexcept { return static_cast<State>(state_.index()); }
  [[nodiscard]] bool is_set() const noexcept { return state_.index() != 0; }
  [[nodiscard]] bool is_null() const noexcept { return state_.index() == 1; }
  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 2; }

  /// The value; throws std::logic_error when the field is not set or null.
  [[nodiscard]] const T& value() const {
    if (!has_value()) throw std::logic_error("amigo::Field holds no value");
    return std::get<2>(state_);
  }

  /// Back to not set.
  void reset() noexcept { state_.template emplace<0>(); }

  friend bool operator==(const Field& a, const Field& b) { return a.state_ == b.state_; }
  friend bool operator!=(const Field& a, const Field& b) { return !(a == b); }

 private:
  struct NotSet {
    friend bool operator==(NotSet /*a*/, NotSet /*b*/) { return true; }
  };
  struct Null {
    friend bool operator==(Null /*a*/, Null /*b*/) { return true; }
  };
  std::variant<NotSet, Null, T> state_;
};

}  // namespace amigo
