#pragma once

// Sends the valid rows of an import one invite at a time, paced under the
// server's rate limit, journaling each row before and after its invite.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <amigo/amigo.hpp>

#include "import_rows.hpp"
#include "invite_pacer.hpp"
#include "journal.hpp"
#include "progress.hpp"

namespace amigo_users {

struct ImportTally {
  std::size_t invited = 0;
  std::size_t existed = 0;
  std::size_t failed = 0;
  /// Rows an earlier run finished, per the journal.
  std::size_t skipped = 0;
};

struct RowFailure {
  std::size_t line = 0;
  std::string email;
  std::string error;
};

class ImportRun {
 public:
  ImportRun(amigo::UserService& users, Journal& journal, InvitePacer& pacer)
      : users_(users), journal_(journal), pacer_(pacer) {}

  /// Rows the journal says an earlier run already finished.
  [[nodiscard]] bool finished_earlier(const ImportRow& row) const;

  /// Imports the rows, in order. Returns false when SIGINT stopped it early
  /// (after the row in flight was finished and journaled).
  /// @throws amigo::Error for a failure that would repeat for every row
  ///         (credentials refused, server down, connection lost).
  bool run(const std::vector<ImportRow>& rows, ImportProgress& progress);

  [[nodiscard]] const ImportTally& tally() const noexcept { return tally_; }
  [[nodiscard]] const std::vector<RowFailure>& failures() const noexcept { return failures_; }

 private:
  bool import_row(const ImportRow& row, ImportProgress& progress);
  bool recovered_from_interrupted_run(const ImportRow& row);
  // The id of the user with this row's email, if the server has one.
  std::optional<std::string> existing_user_id(const ImportRow& row);
  bool send_invite(const ImportRow& row, ImportProgress& progress);
  void fail(const ImportRow& row, const std::string& error, ImportProgress& progress);
  void record(const ImportRow& row, RowState state, std::optional<std::string> user_id,
              std::optional<std::string> error);

  amigo::UserService& users_;
  Journal& journal_;
  InvitePacer& pacer_;
  ImportTally tally_;
  std::vector<RowFailure> failures_;
};

}  // namespace amigo_users
