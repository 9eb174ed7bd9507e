package org.taskhost.rest.internal;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;

/**
 * A Phoebus Display Builder screen (.bob) of one plugin: ENABLE as a toggle, RUN as a button, STATUS and MESSAGE,
 * each input as a text entry with its units (linked inputs as read-only text), each output as a text update, or an
 * LED for a bool. One row per PV, label left and widget right.
 */
final class PhoebusDisplay {

    static final int ROW = 30;
    static final int LABEL_WIDTH = 180;
    static final int WIDGET_WIDTH = 240;
    private static final List<String> SKIPPED = List.of("CLEAR", "RESET", "VERSION", "CYCLE_COUNT");

    private final XMLStreamWriter xml;
    private final StringWriter out = new StringWriter();
    private int y = 50;

    private PhoebusDisplay() throws XMLStreamException {
        xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    }

    static String of(String plugin, String kind, List<Pv> pvs) {
        try {
            return new PhoebusDisplay().write(plugin, kind, pvs);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the display of " + plugin, e);
        }
    }

    private String write(String plugin, String kind, List<Pv> pvs) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("display");
        xml.writeAttribute("version", "2.0.0");
        element("name", plugin);
        element("width", String.valueOf(LABEL_WIDTH + WIDGET_WIDTH + 30));
        element("height", String.valueOf(60 + ROW * pvs.size()));
        widget("label", "2.0.0", "Title", null, 10, 10, LABEL_WIDTH + WIDGET_WIDTH, 30);
        element("text", plugin + " (" + kind + ")");
        xml.writeStartElement("font");
        xml.writeEmptyElement("font");
        xml.writeAttribute("family", "Liberation Sans");
        xml.writeAttribute("style", "BOLD");
        xml.writeAttribute("size", "18.0");
        xml.writeEndElement();
        xml.writeEndElement();
        for (Pv pv : pvs) {
            if (!SKIPPED.contains(pv.name())) {
                row(pv);
            }
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        return out.toString();
    }

    private void row(Pv pv) throws XMLStreamException {
        PvSpec s = pv.spec();
        widget("label", "2.0.0", pv.name() + " label", null, 10, y, LABEL_WIDTH, 20);
        element("text", s.description().isEmpty() ? pv.name() : pv.name() + " - " + s.description());
        element("tooltip", pv.fullName());
        xml.writeEndElement();
        int x = 20 + LABEL_WIDTH;
        boolean input = s.writable() && s.link() == null;
        if (pv.name().equals("ENABLE")) {
            widget("bool_button", "2.0.0", pv.name(), pv.fullName(), x, y, WIDGET_WIDTH, 24);
            element("off_label", s.labels().get(0));
            element("on_label", s.labels().get(1));
        } else if (pv.name().equals("RUN")) {
            widget("action_button", "3.0.0", pv.name(), pv.fullName(), x, y, WIDGET_WIDTH, 24);
            element("text", "Run");
            xml.writeStartElement("actions");
            xml.writeStartElement("action");
            xml.writeAttribute("type", "write_pv");
            element("pv_name", "$(pv_name)");
            element("value", "1");
            element("description", "Run");
            xml.writeEndElement();
            xml.writeEndElement();
        } else if (input) {
            widget("textentry", "3.0.0", pv.name(), pv.fullName(), x, y, WIDGET_WIDTH, 24);
        } else if (s.type() == PvType.BOOL) {
            widget("led", "2.0.0", pv.name(), pv.fullName(), x, y, 24, 24);
            element("off_label", s.labels().get(0));
            element("on_label", s.labels().get(1));
        } else {
            widget("textupdate", "2.0.0", pv.name(), pv.fullName(), x, y, WIDGET_WIDTH, 24);
        }
        xml.writeEndElement();
        y += ROW;
    }

    /** Opens a widget element with its common properties; the caller adds its own and closes it. */
    private void widget(String type, String version, String name, String pv, int x, int y, int width, int height)
            throws XMLStreamException {
        xml.writeStartElement("widget");
        xml.writeAttribute("type", type);
        xml.writeAttribute("version", version);
        element("name", name);
        if (pv != null) {
            element("pv_name", pv);
        }
        element("x", String.valueOf(x));
        element("y", String.valueOf(y));
        element("width", String.valueOf(width));
        element("height", String.valueOf(height));
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
