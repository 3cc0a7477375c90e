#pragma once

// The request pipeline shared by every service of a client: it adds the
// common headers and credentials, sends through the transport, retries what
// may be retried, reports rate limits, and turns failures into typed errors.

#include <memory>
#include <string>
#include <vector>

#include "amigo/operation.hpp"
#include "amigo/options.hpp"
#include "amigo/transport.hpp"

namespace amigo::detail {

/// One API call before the pipeline has touched it.
struct ApiCall {
  Operation operation = Operation::list_users;
  HttpMethod method = HttpMethod::get;
  /// Absolute path, every segment already percent-encoded: "/v1/acme/user/u%2F1".
  std::string path;
  /// Encoded query without the '?', or empty.
  std::string query;
  /// JSON body, or empty for none.
  std::string body;
  /// A 404 after an attempt that may have been applied although its answer
  /// was lost means that attempt did the work: true for a delete, whose aim
  /// is that the resource is gone.
  bool not_found_after_lost_answer_is_success = false;
};

class ClientCore {
 public:
  /// @throws ConfigurationError when the options are incomplete or invalid.
  explicit ClientCore(ClientOptions options);
  ~ClientCore();
  ClientCore(const ClientCore&) = delete;
  ClientCore& operator=(const ClientCore&) = delete;

  /// Sends the call and returns its 2xx answer (or the 404 that
  /// ApiCall::not_found_after_lost_answer_is_success accepts); anything else throws the
  /// typed error for (operation, status). `sensitive_values`, secrets the
  /// body carries, are kept out of that error even when the server quotes them.
  HttpResponse execute(const ApiCall& call, const std::vector<std::string>& sensitive_values = {});

  [[nodiscard]] const ClientOptions& options() const noexcept;

  /// "/v1/{organization}/user/" with the organization percent-encoded.
  [[nodiscard]] const std::string& users_path() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace amigo::detail
