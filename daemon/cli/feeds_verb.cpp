// `feedsieve feeds list|add|remove|import-opml|export-opml`: the [[feeds]] of
// the config file, edited in place (daemon/config/edit.hpp keeps every other
// byte), validated before the file is replaced. A running daemon picks the
// change up on SIGHUP.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

#include "daemon/cli/discovery.hpp"
#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/config/edit.hpp"
#include "daemon/fetch/fetch_all.hpp"
#include "feeds/opml/opml.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::cli {
namespace {

struct FeedsArgs {
  std::optional<std::filesystem::path> config;
  std::string url;
  std::string name;
  std::vector<std::string> tags;
  std::filesystem::path opml;
  bool discover = true;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": error: cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void list(const Config& config) {
  std::cout << std::left << std::setw(32) << "NAME" << std::setw(9) << "ENABLED" << std::setw(10) << "INTERVAL"
            << std::setw(24) << "TAGS" << "URL\n";
  for (const auto& feed : config.feeds) {
    std::string tags;
    for (const auto& tag : feed.tags) tags += (tags.empty() ? "" : ",") + tag;
    const auto interval = config.interval_of(feed).count();
    std::cout << std::setw(32) << feed.name << std::setw(9) << (feed.enabled ? "yes" : "no") << std::setw(10)
              << (std::to_string(interval) + "s" + (feed.pin_interval ? "!" : "")) << std::setw(24) << tags
              << feed.url << "\n";
  }
}

// A name no configured feed has: the wanted one, else "NAME (2)", "NAME (3)"...
std::string unique_name(std::string wanted, std::set<std::string>& taken) {
  std::string name = wanted;
  for (int n = 2; taken.count(name) != 0; ++n) name = wanted + " (" + std::to_string(n) + ")";
  taken.insert(name);
  return name;
}

std::string described(const FeedLink& feed) {
  return feed.url + " (" + feed.format + (feed.title.empty() ? "" : ", \"" + feed.title + "\"") + ")";
}

// The URL to configure for `url`: itself when it answers with a feed, else
// the first feed its page advertises, else the first common feed path of its
// site that answers with a feed. nullopt (and why, on stderr) when none.
std::optional<std::string> discovered_feed_url(const std::string& url, const FetchLimits& limits) {
  const FetchResult page = std::move(fetch_all({FetchRequest{.url = url}}, limits).front());
  if (page.outcome != FetchOutcome::ok) {
    std::cerr << "feedsieve feeds add: " << page.error << " (--no-discover adds the URL without fetching it)\n";
    return std::nullopt;
  }
  if (as_feed(page.body, page.content_type, page.final_url, url)) return url;
  const std::string page_url = page.final_url.empty() ? url : page.final_url;
  const Discovery found = discover_feeds(page.body, page.content_type, page_url, true, limits);
  if (found.feeds.empty()) {
    std::cerr << "feedsieve feeds add: " << url << " is a web page, not a feed, and it advertises no feed, nor does "
              << "its site answer with one at a common path (/feed, /rss...); --no-discover adds it as given, or "
              << "scrape it with kind = \"html\" (see docs/config.md)\n";
    return std::nullopt;
  }
  std::cout << url << " is a web page, not a feed; picked " << described(found.feeds.front())
            << (found.advertised ? ": the first feed the page advertises" : ": its site answers with it") << "\n";
  for (std::size_t i = 1; i < found.feeds.size(); ++i)
    std::cout << "  also " << (found.advertised ? "advertised: " : "found: ") << described(found.feeds[i]) << "\n";
  return found.feeds.front().url;
}

int add(const std::filesystem::path& path, const Config& config, const FeedsArgs& args) {
  const auto url = args.discover ? discovered_feed_url(args.url, config.fetch) : args.url;
  if (!url) return exit_failure;
  const std::string name = args.name.empty() ? *url : args.name;
  for (const auto& feed : config.feeds) {
    if (feed.url == *url) {
      std::cerr << "feedsieve feeds add: " << *url << " is already configured as \"" << feed.name << "\"\n";
      return exit_failure;
    }
    if (feed.name == name) {
      std::cerr << "feedsieve feeds add: a feed is already named \"" << feed.name << "\"; pick another --name\n";
      return exit_failure;
    }
  }
  const NewFeed feed{name, *url, args.tags};
  replace_config_text(path, append_feed_blocks(read_text(path), {feed}));
  std::cout << "added \"" << feed.name << "\" to " << path.string() << "; reload a running daemon to poll it\n";
  return exit_ok;
}

int remove(const std::filesystem::path& path, const FeedsArgs& args) {
  replace_config_text(path, remove_feed_block(read_text(path), args.name, path));
  std::cout << "removed \"" << args.name << "\" from " << path.string()
            << "; its stored items stay; reload a running daemon to stop it\n";
  return exit_ok;
}

int import_opml(const std::filesystem::path& path, const Config& config, const FeedsArgs& args) {
  std::vector<OpmlFeed> listed;
  try {
    listed = parse_opml(read_text(args.opml));
  } catch (const OpmlError& e) {
    std::cerr << "feedsieve feeds import-opml: " << args.opml.string() << ": " << e.what() << "\n";
    return exit_failure;
  }
  std::set<std::string> names, urls;
  for (const auto& feed : config.feeds) {
    names.insert(feed.name);
    urls.insert(feed.url);
  }
  std::vector<NewFeed> added;
  std::vector<std::string> skipped;  // newsboat exports its exec: and filter: sources too
  for (const auto& feed : listed) {
    if (!is_web_url(feed.xml_url)) {
      skipped.push_back(feed.xml_url);
      continue;
    }
    if (!urls.insert(feed.xml_url).second) continue;  // already configured, or listed twice
    added.push_back({unique_name(feed.title, names), feed.xml_url, feed.tags});
  }
  if (!added.empty()) replace_config_text(path, append_feed_blocks(read_text(path), added));
  std::cout << "imported " << added.size() << " feeds (" << listed.size() - added.size() - skipped.size()
            << " already configured) into " << path.string() << "\n";
  for (const auto& url : skipped) std::cout << "skipped " << url << ": not an http:// or https:// URL\n";
  return exit_ok;
}

void export_opml(const Config& config) {
  std::vector<OpmlFeed> feeds;
  for (const auto& feed : config.feeds) feeds.push_back({feed.name, feed.url, "", feed.tags});
  std::cout << write_opml(feeds, "feedsieve feeds");
}

template <class Action>
int guarded(const FeedsArgs& args, Action action) {
  try {
    const auto path = find_config(args.config);
    return action(path, load_config(path));
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "feedsieve feeds: " << e.what() << "\n";
  }
  return exit_failure;
}

CLI::App* sub(CLI::App& feeds, const std::string& name, const std::string& what,
              const std::shared_ptr<FeedsArgs>& args) {
  CLI::App* verb = feeds.add_subcommand(name, what);
  add_config_option(*verb, args->config);
  return verb;
}

}  // namespace

void add_feeds(CLI::App& app, int& exit_code) {
  CLI::App* feeds = app.add_subcommand("feeds", "List, add, remove, import or export the configured feeds");
  feeds->require_subcommand(1);
  feeds->footer(
      "add, remove and import-opml edit the config file in place: every comment and the layout of the rest of "
      "the file stay as they were. The edited file is validated first; if it does not validate, the config is "
      "left unchanged and the edit is kept as FILE.rejected. The previous file is kept as FILE.bak. Run "
      "`systemctl reload feedsieve` (SIGHUP) so a running daemon picks the change up.");
  auto args = std::make_shared<FeedsArgs>();

  sub(*feeds, "list", "List the configured feeds", args)->callback([args, &exit_code] {
    exit_code = guarded(*args, [](const auto&, const Config& config) { return list(config), exit_ok; });
  });

  CLI::App* add_verb = sub(*feeds, "add", "Add a feed: a [[feeds]] block at the end of the config", args);
  add_verb->add_option("url", args->url, "The feed's http:// or https:// URL, or a page that advertises its feed")
      ->required();
  add_verb->add_flag("!--no-discover", args->discover, "Add the URL as given, without fetching it");
  add_verb->footer(
      "The URL is fetched first. When it answers with a feed, it is added as it is. When it answers with a web "
      "page, the feed the page advertises (<link rel=\"alternate\">, the first of several; the others are listed) "
      "is added instead, else the first of /feed, /rss, /rss.xml, /atom.xml, /index.xml, /feed.json on its site "
      "that answers with a feed; what was picked and why is printed. Nothing is added when the URL cannot be "
      "fetched or no feed is found: use --no-discover to add it unchecked.");
  add_verb->add_option("--name", args->name, "Its name (default: the URL)");
  add_verb->add_option("--tag", args->tags, "A tag (repeatable)");
  add_verb->callback([args, &exit_code] {
    exit_code = guarded(*args, [&](const auto& path, const Config& config) { return add(path, config, *args); });
  });

  CLI::App* remove_verb = sub(*feeds, "remove", "Remove a feed's [[feeds]] block (its stored items stay)", args);
  remove_verb->add_option("name", args->name, "The feed's name (its URL when it has no name)")->required();
  remove_verb->callback([args, &exit_code] {
    exit_code = guarded(*args, [&](const auto& path, const Config&) { return remove(path, *args); });
  });

  CLI::App* import_verb = sub(*feeds, "import-opml",
                              "Add the feeds of an OPML 1.0/2.0 file (Miniflux, newsboat, FreshRSS, Feedly "
                              "exports); folders become tags; feeds already configured are skipped",
                              args);
  import_verb->add_option("file", args->opml, "The OPML file")->required()->check(CLI::ExistingFile);
  import_verb->callback([args, &exit_code] {
    exit_code =
        guarded(*args, [&](const auto& path, const Config& config) { return import_opml(path, config, *args); });
  });

  sub(*feeds, "export-opml", "Print the configured feeds as OPML 2.0 (the first tag is the folder)", args)
      ->callback([args, &exit_code] {
        exit_code = guarded(*args, [](const auto&, const Config& config) { return export_opml(config), exit_ok; });
      });
}

}  // namespace feedsieve::cli
