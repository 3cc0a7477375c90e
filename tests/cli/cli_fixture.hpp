#pragma once

// The fixture of the amigo-users tests: an in-process emulator loaded with a
// small seed of our own (so that outputs can be compared exactly), a scratch
// directory, and a way to run the real amigo-users binary against both.

#include <gtest/gtest.h>

#include <amigo/testing/emulator.hpp>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.hpp"

namespace amigo_cli_test {

/// The API key of the test seed; must never appear in any output.
inline constexpr const char* kApiKey = "cli-test-secret-key-42";
/// The value of a sensitive user variable in the seed; must never appear either.
inline constexpr const char* kSensitiveValue = "SECRET-BADGE-77";
inline constexpr const char* kOrganization = "cli-org";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Restarts the emulator with rate limits on; a minute lasts 60 / time_scale seconds.
  void use_rate_limits(double time_scale);

  /// AMIGO_* for the emulator, plus HOME.
  [[nodiscard]] Environment environment() const;

  /// Runs amigo-users to completion, and checks that no secret shows in what it printed.
  ProcessResult cli(const std::vector<std::string>& arguments, const std::string& input = "");
  ProcessResult cli_with(const Environment& environment, const std::vector<std::string>& arguments,
                         const std::string& input = "");

  /// Starts amigo-users and leaves it running.
  std::unique_ptr<RunningProcess> start_cli(const std::vector<std::string>& arguments);

  /// A path inside this test's scratch directory.
  [[nodiscard]] std::string path(const std::string& name) const;
  void write_file(const std::string& name, const std::string& text) const;
  [[nodiscard]] std::string read_file(const std::string& name) const;

  /// The users of the test organization, as the emulator holds them.
  [[nodiscard]] std::vector<nlohmann::json> users() const;
  /// How many users of the test organization have this email (compared without case).
  [[nodiscard]] int users_with_email(const std::string& email) const;

  std::unique_ptr<amigo::testing::Emulator> emulator_;
  std::string scratch_;
};

/// Checks that `text` holds neither the API key, a sensitive value, nor a JWT.
void expect_no_secrets(const std::string& text);

/// The lines of `text`, without their line breaks.
std::vector<std::string> lines_of(const std::string& text);

/// A CSV import file of `count` people: email, first_name, last_name, role.
std::string people_csv(const std::string& domain, int count);

}  // namespace amigo_cli_test
