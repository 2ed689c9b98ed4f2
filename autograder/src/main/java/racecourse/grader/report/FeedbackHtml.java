package racecourse.grader.report;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * feedback.html: feedback.md rendered with commonmark-java into one page that needs nothing else
 * (styles inline, no script, no link to load). Raw HTML in the Markdown is escaped and link URLs
 * sanitized, on top of {@link Feedback} keeping every text from the grading inside code.
 */
public final class FeedbackHtml {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
            + "line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem}"
            + "pre{background:#f5f5f5;padding:.6rem;overflow-x:auto;white-space:pre-wrap}";

    private FeedbackHtml() {
    }

    public static String page(String markdown) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<title>Racecourse grading</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + RENDERER.render(PARSER.parse(markdown)) + "</body>\n</html>\n";
    }
}
