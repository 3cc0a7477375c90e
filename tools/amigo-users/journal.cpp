#include "journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

constexpr std::array<std::string_view, 4> kStateNames{"pending", "invited", "exists", "failed"};

std::string_view state_name(RowState state) { return kStateNames[static_cast<std::size_t>(state)]; }

std::optional<RowState> state_named(std::string_view name) {
  const auto found = std::find(kStateNames.begin(), kStateNames.end(), name);
  if (found == kStateNames.end()) return std::nullopt;
  return static_cast<RowState>(found - kStateNames.begin());
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

nlohmann::ordered_json optional_text(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::optional<std::string> optional_text(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

std::optional<JournalEntry> parse_entry(const std::string& line) {
  const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  if (!object.is_object() || !object.contains("email") || !object["email"].is_string() ||
      !object.contains("state") || !object["state"].is_string()) {
    return std::nullopt;
  }
  const std::optional<RowState> state = state_named(object["state"].get<std::string>());
  if (!state) return std::nullopt;

  JournalEntry entry;
  entry.email = object["email"].get<std::string>();
  entry.state = *state;
  if (object.contains("line") && object["line"].is_number_unsigned()) {
    entry.line = object["line"].get<std::size_t>();
  }
  entry.user_id = optional_text(object, "user_id");
  entry.error = optional_text(object, "error");
  return entry;
}

void write_all(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0)
      throw UsageError("cannot write the journal " + path + ": " + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

bool ends_without_newline(int fd) {
  const off_t size = ::lseek(fd, 0, SEEK_END);
  if (size <= 0) return false;
  char last = '\n';
  return ::pread(fd, &last, 1, size - 1) == 1 && last != '\n';
}

}  // namespace

Journal::Journal(std::string path)
    : path_(std::move(path)),
      fd_(::open(path_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644)) {
  if (fd_ < 0) throw UsageError("cannot open the journal " + path_ + ": " + std::strerror(errno));
  read_earlier_runs();
  // A record cut short by a crash must not swallow the next one.
  if (ends_without_newline(fd_)) write_all(fd_, "\n", path_);
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::read_earlier_runs() {
  std::ifstream file(path_);
  std::string line;
  while (std::getline(file, line)) {
    if (std::optional<JournalEntry> entry = parse_entry(line)) {
      previous_[lowercase(entry->email)] = std::move(*entry);
    }
  }
}

std::optional<JournalEntry> Journal::previous(const std::string& email) const {
  const auto found = previous_.find(lowercase(email));
  if (found == previous_.end()) return std::nullopt;
  return found->second;
}

void Journal::record(const JournalEntry& entry) {
  const nlohmann::ordered_json object{{"line", entry.line},
                                      {"email", entry.email},
                                      {"state", state_name(entry.state)},
                                      {"user_id", optional_text(entry.user_id)},
                                      {"error", optional_text(entry.error)}};
  const std::string line =
      object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
  // One write() per record: a process killed between records leaves whole lines.
  write_all(fd_, line, path_);
  if (::fdatasync(fd_) != 0) {
    throw UsageError("cannot flush the journal " + path_ + ": " + std::strerror(errno));
  }
}

}  // namespace amigo_users
