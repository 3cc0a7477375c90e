#pragma once

// The import journal: one JSON object a line, appended and flushed to disk
// as each row's state changes, so that a run killed at any moment can be
// resumed without inviting anyone twice.
//
//   {"line":12,"email":"ana@example.com","state":"pending","user_id":null,"error":null}
//
// "pending" is written before an invite is sent and the outcome ("invited",
// "exists", "failed") after. A row whose last record is "pending" may or may
// not have reached the server; the next run asks the server before sending.

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace amigo_users {

enum class RowState { pending, invited, exists, failed };

struct JournalEntry {
  std::size_t line = 0;
  std::string email;
  RowState state = RowState::pending;
  std::optional<std::string> user_id;
  std::optional<std::string> error;
};

class Journal {
 public:
  /// Opens or creates the journal and reads what earlier runs recorded; a
  /// last line cut short by a crash is ignored.
  /// @throws UsageError when the file cannot be opened.
  explicit Journal(std::string path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  /// The last record an earlier run made for this email (compared without case).
  [[nodiscard]] std::optional<JournalEntry> previous(const std::string& email) const;

  /// Appends a record and waits until it is on disk.
  /// @throws UsageError when it cannot be written.
  void record(const JournalEntry& entry);

  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  void read_earlier_runs();

  std::string path_;
  int fd_ = -1;
  std::map<std::string, JournalEntry> previous_;
};

}  // namespace amigo_users
