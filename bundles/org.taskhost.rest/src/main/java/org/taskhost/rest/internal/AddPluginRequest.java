package org.taskhost.rest.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * iocmng's AddPluginRequest body. Unknown fields are ignored, as in iocmng, so its clients keep working.
 *
 * @param name plugin name
 * @param gitUrl repository URL
 * @param branch branch, tag or SHA
 * @param path folder inside the repository
 * @param pat token for https; never returned or logged
 * @param parameters overrides of config.yaml's parameters
 * @param autoStart start now (default true; forced false for jobs in iocmng, which taskhost starts anyway)
 * @param localPath a local folder instead of git_url
 * @param autostartOrder boot order
 * @param keepPat keep the token (0600 file) for restarts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AddPluginRequest(@JsonProperty("name") String name, @JsonProperty("git_url") String gitUrl,
        @JsonProperty("branch") String branch, @JsonProperty("path") String path, @JsonProperty("pat") String pat,
        @JsonProperty("parameters") Map<String, Object> parameters, @JsonProperty("auto_start") Boolean autoStart,
        @JsonProperty("local_path") String localPath, @JsonProperty("autostart_order") Integer autostartOrder,
        @JsonProperty("keep_pat") Boolean keepPat) {
}
