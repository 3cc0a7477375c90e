#include "import_run.hpp"

#include <algorithm>
#include <cctype>

#include "interrupt.hpp"
#include "invite_preferences.hpp"

namespace amigo_users {
namespace {

bool same_email(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

amigo::UserInviteRequest invite_request(const ImportRow& row) {
  amigo::UserInviteRequest request;
  request.email = row.email;
  request.first_name = row.first_name;
  request.last_name = row.last_name;
  request.role = row.role;
  if (!row.login_link.empty()) request.login_link = row.login_link;
  request.user_preferences = invite_preferences(row.timezone, row.language);
  return request;
}

// Failures that belong to the row (its role, its fields), as opposed to those
// that would repeat for every row (401, 5xx), which end the run instead.
bool concerns_this_row(const amigo::ApiError& error) {
  const int status = error.status();
  return status == 400 || status == 403 || status == 404 || status == 422;
}

std::string row_label(const ImportRow& row) {
  return "line " + std::to_string(row.line) + ": " + row.email;
}

}  // namespace

bool ImportRun::finished_earlier(const ImportRow& row) const {
  // A failed row created no user, so trying it again (perhaps after the file
  // was fixed) cannot invite anyone twice.
  const std::optional<JournalEntry> previous = journal_.previous(row.email);
  return previous && (previous->state == RowState::invited || previous->state == RowState::exists);
}

bool ImportRun::run(const std::vector<ImportRow>& rows, ImportProgress& progress) {
  for (const ImportRow& row : rows) {
    if (finished_earlier(row)) {
      ++tally_.skipped;
      continue;
    }
    if (interrupted() || !import_row(row, progress)) return false;
    progress.advance();
  }
  return !interrupted();
}

bool ImportRun::import_row(const ImportRow& row, ImportProgress& progress) {
  const std::optional<JournalEntry> previous = journal_.previous(row.email);
  if (previous && previous->state == RowState::pending && recovered_from_interrupted_run(row)) {
    progress.note(row_label(row) + ": invited by an interrupted run; not sent again");
    return true;
  }
  return send_invite(row, progress);
}

// A row left pending was being invited when an earlier run stopped: the
// invite may or may not have reached the server. Ask before sending again.
bool ImportRun::recovered_from_interrupted_run(const ImportRow& row) {
  const std::optional<std::string> user_id = existing_user_id(row);
  if (!user_id) return false;
  record(row, RowState::invited, user_id, std::nullopt);
  ++tally_.invited;
  return true;
}

std::optional<std::string> ImportRun::existing_user_id(const ImportRow& row) {
  amigo::ListUsersRequest query;
  query.emails = {row.email};
  const amigo::UserPage page = users_.list_users(query);
  for (const amigo::User& user : page.users) {
    if (same_email(user.email, row.email)) return user.user_id;
  }
  return std::nullopt;
}

bool ImportRun::send_invite(const ImportRow& row, ImportProgress& progress) {
  const amigo::UserInviteRequest request = invite_request(row);
  if (!sleep_until(pacer_.next_send_time())) return false;
  record(row, RowState::pending, std::nullopt, std::nullopt);

  while (true) {
    pacer_.on_send(InvitePacer::Clock::now());
    try {
      const amigo::UserInviteResponse invited = users_.invite_user(request);
      record(row, RowState::invited, invited.user_id, std::nullopt);
      ++tally_.invited;
      return true;
    } catch (const amigo::ConflictError& error) {
      // 409 also means "a related operation is in progress": only a user
      // with this email makes the row done; otherwise a rerun retries it.
      if (!existing_user_id(row)) {
        fail(row, error.what(), progress);
        return true;
      }
      record(row, RowState::exists, std::nullopt, std::nullopt);
      ++tally_.existed;
      progress.note(row_label(row) + ": already exists");
      return true;
    } catch (const amigo::RateLimitError& error) {
      // Still over the limit after the SDK's own retries: the row is not
      // failed, only early. It stays pending if Ctrl-C comes during the wait.
      pacer_.on_refused(error.retry_after(), InvitePacer::Clock::now());
      if (!sleep_until(pacer_.next_send_time())) return false;
    } catch (const amigo::ApiError& error) {
      if (!concerns_this_row(error)) throw;
      fail(row, error.what(), progress);
      return true;
    } catch (const amigo::InvalidArgumentError& error) {
      fail(row, error.what(), progress);
      return true;
    }
  }
}

void ImportRun::fail(const ImportRow& row, const std::string& error, ImportProgress& progress) {
  record(row, RowState::failed, std::nullopt, error);
  progress.note(row_label(row) + ": failed: " + error);
}

void ImportRun::record(const ImportRow& row, RowState state, std::optional<std::string> user_id,
                       std::optional<std::string> error) {
  if (state == RowState::failed) {
    ++tally_.failed;
    failures_.push_back(RowFailure{row.line, row.email, error.value_or("")});
  }
  journal_.record(JournalEntry{row.line, row.email, state, std::move(user_id), std::move(error)});
}

}  // namespace amigo_users
