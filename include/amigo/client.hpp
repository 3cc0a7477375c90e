#pragma once

/// @file
/// amigo::AmigoClient: the entry point.

#include <memory>

#include "amigo/export.hpp"
#include "amigo/options.hpp"
#include "amigo/user_service.hpp"

namespace amigo {

/// A client for one organization. Build one and share it: it is safe to use
/// from many threads at once, and it reuses connections and tokens.
///
/// @code
/// amigo::AmigoClient client(amigo::ClientOptions::from_env());
/// amigo::UserPage page = client.user().list_users();
/// @endcode
class AMIGO_API AmigoClient {
 public:
  /// @throws ConfigurationError when the options are incomplete or invalid.
  explicit AmigoClient(ClientOptions options);
  ~AmigoClient();
  AmigoClient(AmigoClient&&) noexcept;
  AmigoClient& operator=(AmigoClient&&) noexcept;
  AmigoClient(const AmigoClient&) = delete;
  AmigoClient& operator=(const AmigoClient&) = delete;

  /// The user operations.
  UserService& user() noexcept;

  [[nodiscard]] const ClientOptions& options() const noexcept;

 private:
  std::unique_ptr<detail::ClientCore> core_;
  std::unique_ptr<UserService> users_;
};

}  // namespace amigo
