// amigo-users export: every user, written as each page arrives, so memory
// stays flat however large the organization. A file output appears under its
// name only once complete.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "exit_codes.hpp"
#include "user_writers.hpp"

namespace amigo_users {
namespace {

struct ExportFlags {
  OutputFormat format = OutputFormat::csv;
  std::string output;
};

// The temporary file an export writes before renaming it into place.
class PartialFile {
 public:
  explicit PartialFile(std::string path)
      : path_(std::move(path)),
        partial_(path_ + ".partial"),
        file_(std::fopen(partial_.c_str(), "w")) {
    if (file_ == nullptr) {
      throw UsageError("cannot write " + partial_ + ": " + std::strerror(errno));
    }
  }
  ~PartialFile() {
    if (file_ != nullptr) {
      std::fclose(file_);
      std::remove(partial_.c_str());
    }
  }
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  std::FILE* get() const { return file_; }

  void commit() {
    const bool written = std::fflush(file_) == 0 && std::ferror(file_) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!written || !closed || std::rename(partial_.c_str(), path_.c_str()) != 0) {
      const std::string reason = std::strerror(errno);
      std::remove(partial_.c_str());
      throw UsageError("cannot write " + path_ + ": " + reason);
    }
  }

 private:
  std::string path_;
  std::string partial_;
  std::FILE* file_ = nullptr;
};

std::size_t write_every_user(amigo::AmigoClient& client, OutputFormat format, std::FILE* out) {
  const std::unique_ptr<UserWriter> writer = make_user_writer(format, out);
  std::size_t count = 0;
  for (const amigo::User& user : client.user().list_all_users()) {
    writer->write(user);
    ++count;
  }
  writer->finish();
  return count;
}

int run_export(const ExportFlags& flags, const ConnectionFlags& connection) {
  amigo::AmigoClient client(client_options(connection));
  if (flags.output.empty() || flags.output == "-") {
    const std::size_t count = write_every_user(client, flags.format, stdout);
    std::fflush(stdout);
    std::cerr << "exported " << count << " users\n";
    return kExitSuccess;
  }

  PartialFile file(flags.output);
  const std::size_t count = write_every_user(client, flags.format, file.get());
  file.commit();
  std::cerr << "exported " << count << " users to " << flags.output << '\n';
  return kExitSuccess;
}

}  // namespace

Command add_export_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* app = parent.add_subcommand("export", "Write every user as CSV or JSON lines");
  app->add_option("--format", flags->format, "csv (default, with a header row) or json")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, OutputFormat>{{"csv", OutputFormat::csv},
                                                                      {"json", OutputFormat::json}},
                                  CLI::ignore_case));
  app->add_option("--output,-o", flags->output, "File to write (default: stdout)");
  app->footer("Example:\n  amigo-users export --format csv --output users.csv");
  return Command{app, [flags, &connection] { return run_export(*flags, connection); }};
}

}  // namespace amigo_users
