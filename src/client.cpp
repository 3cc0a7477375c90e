#include "amigo/client.hpp"

#include <utility>

#include "client_core.hpp"

namespace amigo {

AmigoClient::AmigoClient(ClientOptions options)
    : core_(std::make_unique<detail::ClientCore>(std::move(options))),
      users_(std::make_unique<UserService>(*core_)) {}

AmigoClient::~AmigoClient() = default;
AmigoClient::AmigoClient(AmigoClient&&) noexcept = default;
AmigoClient& AmigoClient::operator=(AmigoClient&&) noexcept = default;

UserService& AmigoClient::user() noexcept { return *users_; }

const ClientOptions& AmigoClient::options() const noexcept { return core_->options(); }

}  // namespace amigo
