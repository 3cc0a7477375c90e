#include "integration_support.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

namespace amigo::integration {
namespace {

// The first bytes of every JWT the emulator signs: base64url of '{"alg":'.
// Any of them in a log line or a message is a leaked token, whoever issued it.
constexpr const char* kJwtHeaderStart = "eyJhbGciOi";

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

LogSink TextLedger::sink() {
  return [this](LogLevel /*level*/, std::string_view line) { record(std::string(line)); };
}

void TextLedger::record(std::string text) {
  std::lock_guard lock(mutex_);
  texts_.push_back(std::move(text));
}

std::vector<std::string> TextLedger::texts() const {
  std::lock_guard lock(mutex_);
  return texts_;
}

std::vector<std::string> TextLedger::containing(const std::string& fragment) const {
  std::vector<std::string> found;
  for (const std::string& text : texts()) {
    if (text.find(fragment) != std::string::npos) found.push_back(text);
  }
  return found;
}

std::chrono::system_clock::time_point RecordingClock::now() const {
  return std::chrono::system_clock::now() + offset_;
}

void RecordingClock::sleep_for(std::chrono::milliseconds duration) {
  if (sleeps_) std::this_thread::sleep_for(duration);
  std::function<void(std::size_t)> hook;
  std::size_t count = 0;
  {
    std::lock_guard lock(mutex_);
    sleeps_done_.push_back(duration);
    count = sleeps_done_.size();
    hook = hook_;
  }
  if (hook) hook(count);
}

void RecordingClock::on_sleep(std::function<void(std::size_t)> hook) {
  std::lock_guard lock(mutex_);
  hook_ = std::move(hook);
}

std::vector<std::chrono::milliseconds> RecordingClock::sleeps() const {
  std::lock_guard lock(mutex_);
  return sleeps_done_;
}

TemporaryDirectory::TemporaryDirectory() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("amigo-integration-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TemporaryDirectory::file(const std::string& name) const {
  return (path_ / name).string();
}

testing::EmulatorOptions unlimited_emulator() {
  testing::EmulatorOptions options;
  options.rate_limits = false;
  return options;
}

std::string sign_in_directly(const testing::Emulator& emulator, const std::string& user_id) {
  CURL* handle = curl_easy_init();
  if (handle == nullptr) throw std::runtime_error("curl_easy_init failed");
  const std::string url =
      emulator.base_url() + "/v1/" + emulator.organization_id() + "/user/signin_with_api_key";
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("x-api-key: " + emulator.api_key()).c_str());
  headers = curl_slist_append(headers, ("x-api-key-id: " + emulator.api_key_id()).c_str());
  headers = curl_slist_append(headers, ("x-user-id: " + user_id).c_str());
  std::string body;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, "");
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(handle);
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(handle);
  if (code != CURLE_OK || status != 200) {
    throw std::runtime_error("direct sign-in failed with HTTP " + std::to_string(status));
  }
  return nlohmann::json::parse(body).at("id_token").get<std::string>();
}

int unused_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket_fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(socket_fd);
    throw std::runtime_error("could not find a free port");
  }
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

Timestamp utc(int year, int month, int day, int hour, int minute, int second, int millisecond) {
  std::tm fields{};
  fields.tm_year = year - 1900;
  fields.tm_mon = month - 1;
  fields.tm_mday = day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  fields.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&fields)) +
         std::chrono::milliseconds{millisecond};
}

std::vector<std::string> ids_of(const std::vector<User>& users) {
  std::vector<std::string> ids;
  ids.reserve(users.size());
  for (const User& user : users) ids.push_back(user.user_id);
  return ids;
}

std::optional<User> find_user(AmigoClient& client, const std::string& user_id) {
  ListUsersRequest query;
  query.user_ids = {user_id};
  UserPage page = client.user().list_users(query);
  if (page.users.empty()) return std::nullopt;
  return page.users.front();
}

std::size_t count_with_email(AmigoClient& client, const std::string& email) {
  ListUsersRequest query;
  query.emails = {email};
  return client.user().list_users(query).users.size();
}

IntegrationTest::IntegrationTest(testing::EmulatorOptions options)
    : emulator_(std::make_unique<testing::Emulator>(std::move(options))) {
  secrets_ = {kApiKey, kJwtHeaderStart};
}

void IntegrationTest::TearDown() {
  for (const std::string& text : ledger_.texts()) {
    for (const std::string& secret : secrets_) {
      EXPECT_EQ(text.find(secret), std::string::npos)
          << "a secret reached a log line or an error message: " << text;
    }
  }
}

ClientOptions IntegrationTest::client_options(const std::string& user_id) {
  ClientOptions options;
  options.organization_id = emulator_->organization_id();
  options.base_url = emulator_->base_url();
  options.auth = ApiKeyAuth{emulator_->api_key(), emulator_->api_key_id(), user_id};
  options.log_sink = ledger_.sink();
  options.log_level = LogLevel::debug;
  options.retry.initial_backoff = std::chrono::milliseconds{1};
  options.retry.max_backoff = std::chrono::milliseconds{5};
  options.request_timeout = std::chrono::milliseconds{10'000};
  return options;
}

void IntegrationTest::keep_secret(std::string secret) { secrets_.push_back(std::move(secret)); }

}  // namespace amigo::integration
