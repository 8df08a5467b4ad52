#include "daemon/time_zones.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config/validation.hpp"
#include "parsers/tzif.hpp"

namespace casefile::daemon {

std::string zoneinfo_directory() {
    const char* tzdir = std::getenv("TZDIR");
    return tzdir && tzdir[0] == '/' ? tzdir : "/usr/share/zoneinfo";
}

core::Result<core::TimeZone> load_time_zone(const std::string& name) {
    if (name == "UTC" || name == "Etc/UTC") return core::TimeZone();
    // The shape check keeps "../" and absolute paths out of the file name.
    if (!config::has_time_zone_shape(name)) {
        return core::fail("\"" + name + "\" is not a time zone name such as America/Chicago");
    }
    const std::string path = zoneinfo_directory() + "/" + name;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return core::fail("unknown time zone " + name + " (no " + path +
                          "; is the tzdata package installed?)");
    }
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return parsers::parse_tzif(bytes.str(), name);
}

}  // namespace casefile::daemon
