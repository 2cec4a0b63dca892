#include "daemon/cli/cli.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/cli/verbs.hpp"
#include "daemon/store/store.hpp"
#include "feeds/version.hpp"

namespace feedsieve::cli {

CLI::Option* add_config_option(CLI::App& verb, std::optional<std::filesystem::path>& path) {
  return verb.add_option("-c,--config", path,
                         "Config file (default: $FEEDSIEVE_CONFIG, /etc/feedsieve/feedsieve.toml, "
                         "./config/feedsieve.toml)");
}

int with_config(std::string_view verb, const std::optional<std::filesystem::path>& path,
                const std::function<int(const Config&)>& body) {
  try {
    return body(load_config(find_config(path)));
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
  } catch (const StoreError& e) {
    std::cerr << "feedsieve " << verb << ": " << e.what() << "\n";
  }
  return exit_failure;
}

namespace {

// `help feeds add` walks down the verbs as `feeds add --help` would.
void add_help(CLI::App& app) {
  CLI::App* help = app.add_subcommand("help", "Show the help of feedsieve or of one verb (help VERB [SUBVERB])");
  auto words = std::make_shared<std::vector<std::string>>();
  help->add_option("verb", *words, "The verb to explain, and its verb if it has verbs of its own");
  help->callback([&app, words] {
    const CLI::App* verb = &app;
    std::string path = app.get_name();
    for (const std::string& word : *words) {
      const CLI::App* sub = nullptr;
      try {
        sub = verb->get_subcommand(word);
      } catch (const CLI::OptionNotFound&) {
      }
      if (sub == nullptr || sub->get_name() == "help")
        throw CLI::ValidationError("help", "unknown verb '" + word + "' of " + path);
      path += " " + word;
      verb = sub;
    }
    if (verb == &app) {
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return;
    }
    std::cout << verb->help(path.substr(0, path.rfind(' ')));
  });
}

// The verbs of `app`, for an error that names a word that is none of them.
std::string verb_list(const CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  return names;
}

// CLI11 answers an unknown first word with "A subcommand is required": name
// it instead, for the top level and for a verb that has verbs of its own
// (`feeds import`). Later words may be option values, so only these two.
std::optional<std::string> unknown_verb(const CLI::App& app, int argc, char** argv) {
  const CLI::App* current = &app;
  std::string path = "feedsieve";
  for (int i = 1; i < argc && i <= 2; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with('-') || current->get_subcommands([](const CLI::App*) { return true; }).empty()) break;
    const CLI::App* next = nullptr;
    try {
      next = current->get_subcommand(std::string(word));
    } catch (const CLI::OptionNotFound&) {
      return path + ": unknown verb '" + std::string(word) + "'; the verbs are: " + verb_list(*current) +
             "\nRun '" + path + " --help' for what they do.";
    }
    path += " " + std::string(word);
    current = next;
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "feedsieve polls news feeds, keeps the stories about one topic, merges every copy of a story into one, "
      "and stores the result in SQLite.",
      "feedsieve"};
  app.set_version_flag("--version", std::string("feedsieve ") + version);
  app.require_subcommand(1);
  app.footer("Run 'feedsieve VERB --help' for the options of a verb.");
  int exit_code = exit_ok;
  add_run(app, exit_code);
  add_check_config(app, exit_code);
  add_query(app, exit_code);
  add_parse(app, exit_code);
  add_explain(app, exit_code);
  add_rescore(app, exit_code);
  add_extract(app, exit_code);
  add_discover(app, exit_code);
  add_status(app, exit_code);
  add_feeds(app, exit_code);
  add_prune(app, exit_code);
  add_help(app);
  if (const auto unknown = unknown_verb(app, argc, argv)) {
    std::cerr << *unknown << "\n";
    return exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  }
  return exit_code;
}

}  // namespace feedsieve::cli
