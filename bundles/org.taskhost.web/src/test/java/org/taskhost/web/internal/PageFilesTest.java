package org.taskhost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFilesTest {

    @Test
    void theRootIsThePageAndAssetsAreFilesOfTheWebFolder() {
        assertThat(PageFiles.resolve("", "/")).hasValueSatisfying(f -> {
            assertThat(f.entry()).isEqualTo("web/index.html");
            assertThat(f.contentType()).startsWith("text/html");
        });
        assertThat(PageFiles.resolve("", null)).map(PageFiles.PageFile::entry).contains("web/index.html");
        assertThat(PageFiles.resolve("/ui", "/app.js")).hasValueSatisfying(f -> {
            assertThat(f.entry()).isEqualTo("web/app.js");
            assertThat(f.contentType()).startsWith("text/javascript");
        });
        assertThat(PageFiles.resolve("/ui", "/app.css")).map(PageFiles.PageFile::contentType).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(PageFiles.resolve("/ui", "/icon.svg")).map(PageFiles.PageFile::contentType).contains("image/svg+xml");
    }

    @Test
    void nothingOutsideTheWebFolderNorOfAnotherTypeIsServed() {
        assertThat(PageFiles.resolve("/ui", "/../OSGI-INF/x.xml")).isEmpty();
        assertThat(PageFiles.resolve("/ui", "/sub/app.js")).isEmpty();
        assertThat(PageFiles.resolve("/ui", "/..js")).isEmpty();
        assertThat(PageFiles.resolve("/ui", "/PageServlet.class")).isEmpty();
        assertThat(PageFiles.resolve("/ui", "/")).isEmpty();
        assertThat(PageFiles.resolve("/ui", null)).isEmpty();
        assertThat(PageFiles.resolve("/other", "/app.js")).isEmpty();
        assertThat(PageFiles.resolve("", "/app.js")).isEmpty();
    }
}
