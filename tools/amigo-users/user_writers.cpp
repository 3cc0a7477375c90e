#include "user_writers.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "csv_file.hpp"
#include "display_width.hpp"
#include "timestamp_text.hpp"

namespace amigo_users {
namespace {

std::string text_or_dash(const std::optional<std::string>& value) {
  return value && !value->empty() ? *value : "-";
}

// A name from the server is shown on a terminal: control characters (C0, DEL
// and C1, which includes the one-byte CSI) could move the cursor, retitle the
// window or break the table, so each becomes '?'.
std::string safe_for_terminal(const std::string& text) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (byte < 0x20 || byte == 0x7F || c1) {
      safe += '?';
      if (c1) ++i;
    } else {
      safe += text[i];
    }
  }
  return safe;
}

// Columns for people: who, how to reach them, where they are, when they were last active.
class TableUserWriter : public UserWriter {
 public:
  explicit TableUserWriter(std::FILE* out) : out_(out) {
    rows_.push_back(
        {"USER ID", "NAME", "EMAIL", "ROLE", "TIMEZONE", "LANGUAGE", "LAST MESSAGE (UTC)"});
  }

  void write(const amigo::User& user) override {
    const auto& last_message = user.user_stats.last_message_time;
    rows_.push_back({user.user_id, user.first_name + " " + user.last_name, user.email, user.role,
                     text_or_dash(user.preferences.timezone),
                     text_or_dash(user.preferences.preferred_language),
                     last_message ? short_utc(*last_message) : "-"});
    for (std::string& cell : rows_.back()) cell = safe_for_terminal(cell);
  }

  void finish() override {
    if (rows_.size() == 1) {
      std::fputs("No users found.\n", out_);
      return;
    }
    std::array<std::size_t, kColumns> widths{};
    for (const Row& row : rows_) {
      for (std::size_t column = 0; column < kColumns; ++column) {
        widths[column] = std::max(widths[column], display_width(row[column]));
      }
    }
    for (const Row& row : rows_) print(row, widths);
  }

 private:
  static constexpr std::size_t kColumns = 7;
  using Row = std::array<std::string, kColumns>;

  void print(const Row& row, const std::array<std::size_t, kColumns>& widths) {
    std::string line;
    for (std::size_t column = 0; column + 1 < kColumns; ++column) {
      line += pad_to_width(row[column], widths[column]);
      line += "  ";
    }
    line += row[kColumns - 1];
    line += '\n';
    std::fputs(line.c_str(), out_);
  }

  std::FILE* out_;
  std::vector<Row> rows_;
};

class JsonLinesUserWriter : public UserWriter {
 public:
  explicit JsonLinesUserWriter(std::FILE* out) : out_(out) {}

  void write(const amigo::User& user) override {
    const std::string line = user_json_line(user) + '\n';
    std::fputs(line.c_str(), out_);
  }

 private:
  std::FILE* out_;
};

// The columns a spreadsheet wants; nested preferences are flattened, and the
// variables (maps and lists) are left to the JSON format.
class CsvUserWriter : public UserWriter {
 public:
  explicit CsvUserWriter(std::FILE* out) : csv_(out) {
    csv_.write_row({"user_id", "email", "first_name", "last_name", "role", "timezone", "language",
                    "num_conversations", "num_messages", "last_message_time"});
  }

  void write(const amigo::User& user) override {
    const auto& stats = user.user_stats;
    const std::string conversations = std::to_string(stats.num_conversations);
    const std::string messages = std::to_string(stats.num_messages);
    const std::string last_message =
        stats.last_message_time ? rfc3339(*stats.last_message_time) : "";
    csv_.write_row({user.user_id, user.email, user.first_name, user.last_name, user.role,
                    user.preferences.timezone.value_or(""),
                    user.preferences.preferred_language.value_or(""), conversations, messages,
                    last_message});
  }

 private:
  CsvWriter csv_;
};

nlohmann::ordered_json optional_text(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

const std::map<std::string, OutputFormat>& output_format_names() {
  static const std::map<std::string, OutputFormat> kNames{
      {"table", OutputFormat::table}, {"json", OutputFormat::json}, {"csv", OutputFormat::csv}};
  return kNames;
}

std::unique_ptr<UserWriter> make_user_writer(OutputFormat format, std::FILE* out) {
  switch (format) {
    case OutputFormat::table:
      return std::make_unique<TableUserWriter>(out);
    case OutputFormat::json:
      return std::make_unique<JsonLinesUserWriter>(out);
    case OutputFormat::csv:
      break;
  }
  return std::make_unique<CsvUserWriter>(out);
}

std::string user_json_line(const amigo::User& user) {
  const auto& stats = user.user_stats;
  const auto& preferences = user.preferences;
  const nlohmann::ordered_json object{
      {"org_id", user.org_id},
      {"user_id", user.user_id},
      {"first_name", user.first_name},
      {"last_name", user.last_name},
      {"email", user.email},
      {"role", user.role},
      {"user_stats",
       {{"num_conversations", stats.num_conversations},
        {"num_messages", stats.num_messages},
        {"last_message_time", stats.last_message_time
                                  ? nlohmann::ordered_json(rfc3339(*stats.last_message_time))
                                  : nlohmann::ordered_json(nullptr)}}},
      {"preferences",
       {{"enable_response_recommendation", preferences.enable_response_recommendation},
        {"preferred_language", optional_text(preferences.preferred_language)},
        {"conversations_visible_to_admins", preferences.conversations_visible_to_admins},
        {"user_model_visible_to_admins", preferences.user_model_visible_to_admins},
        {"timezone", optional_text(preferences.timezone)},
        {"audio_keyterms", preferences.audio_keyterms}}},
      {"nonsensitive_variables", user.nonsensitive_variables},
      {"sensitive_variables", user.sensitive_variables},
  };
  // Replace rather than throw on malformed UTF-8 from the server.
  return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace amigo_users
