#pragma once

// What every integration test shares: an in-process emulator, client options
// that point at it, a ledger of every log line and error message the test
// produced (checked for secrets when the test ends), a clock that records the
// client's sleeps, and a few helpers that speak to the emulator without the SDK.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <amigo/amigo.hpp>
#include <amigo/testing/emulator.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace amigo::integration {

// The default seed of the emulator (emulator/seeds/default.json).
inline constexpr const char* kOrg = "demo-org";
inline constexpr const char* kAdmin = "admin-user";             // role Admin, every permission
inline constexpr const char* kManager = "manager-user";         // role Manager: no User:DeleteUser
inline constexpr const char* kMember = "user-bjorn";            // DefaultUserRole: no permission
inline constexpr const char* kActionsDeveloper = "user-sofia";  // active in Actions development
inline constexpr const char* kApiKey = "demo-secret-key-0123456789";
inline constexpr const char* kApiKeyId = "demo-key-id";
inline constexpr std::size_t kSeededDemoUsers = 9;

/// Every log line and exception message of a test, from any thread.
class TextLedger {
 public:
  /// A sink to put in ClientOptions::log_sink.
  LogSink sink();
  void record(std::string text);
  [[nodiscard]] std::vector<std::string> texts() const;
  /// The log lines and messages that contain `fragment`.
  [[nodiscard]] std::vector<std::string> containing(const std::string& fragment) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> texts_;
};

/// Time as the system tells it, shifted by `offset`; every sleep of the client
/// is recorded, then slept for real (or not at all), then handed to a hook.
class RecordingClock : public Clock {
 public:
  explicit RecordingClock(std::chrono::system_clock::duration offset = {}, bool sleeps = true)
      : offset_(offset), sleeps_(sleeps) {}

  [[nodiscard]] std::chrono::system_clock::time_point now() const override;
  void sleep_for(std::chrono::milliseconds duration) override;

  /// Called after each sleep, with the sleeps so far counted.
  void on_sleep(std::function<void(std::size_t sleeps)> hook);
  [[nodiscard]] std::vector<std::chrono::milliseconds> sleeps() const;

 private:
  std::chrono::system_clock::duration offset_;
  bool sleeps_;
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> sleeps_done_;
  std::function<void(std::size_t)> hook_;
};

/// A directory that is removed with everything in it when this goes out of scope.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

/// Emulator options for most tests: no rate limits, so that tests that sign in
/// often never meet the sign-in limit of 5 a minute.
testing::EmulatorOptions unlimited_emulator();

/// A token for `user_id` from the emulator's sign-in endpoint, fetched with
/// plain libcurl so that the test knows the JWT the SDK must keep secret.
std::string sign_in_directly(const testing::Emulator& emulator, const std::string& user_id);

/// A loopback port on which nothing listens.
int unused_port();

/// A UTC date and time.
Timestamp utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0);

/// The user ids, in order.
std::vector<std::string> ids_of(const std::vector<User>& users);

/// A user as list_users returns it, found by id, or nullopt.
std::optional<User> find_user(AmigoClient& client, const std::string& user_id);

/// The number of users of the organization with this email (through list_users).
std::size_t count_with_email(AmigoClient& client, const std::string& email);

/// Base of every fixture: one emulator per test, options for clients of it,
/// and, when the test ends, a check that no secret reached a log line or an
/// exception message.
class IntegrationTest : public ::testing::Test {
 protected:
  explicit IntegrationTest(testing::EmulatorOptions options = unlimited_emulator());

  void TearDown() override;

  /// Options for a client of the emulator signing in as `user_id` with the
  /// demo key; debug logs go to the ledger, retries wait at most a few ms.
  ClientOptions client_options(const std::string& user_id = kAdmin);

  /// Adds a string that must appear in no log line and no exception message.
  void keep_secret(std::string secret);

  /// Runs `call`, which must throw an `E`; returns it after recording its
  /// message. A different exception, or none, fails the test.
  template <typename E, typename Call>
  std::optional<E> expect_thrown(Call&& call) {
    try {
      std::forward<Call>(call)();
      ADD_FAILURE() << "expected an exception, but the call returned";
    } catch (const E& error) {
      ledger_.record(error.what());
      return error;
    } catch (const std::exception& error) {
      ledger_.record(error.what());
      ADD_FAILURE() << "a different exception was thrown: " << error.what();
    }
    return std::nullopt;
  }

  testing::Emulator& emulator() { return *emulator_; }
  TextLedger& ledger() { return ledger_; }

 private:
  std::unique_ptr<testing::Emulator> emulator_;
  TextLedger ledger_;
  std::vector<std::string> secrets_;
};

}  // namespace amigo::integration
