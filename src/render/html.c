/*
 * html.c: the self-contained HTML page of a diagram: Graphviz's SVG of the
 * laid-out union graph inline, the per-date data as JSON, a little CSS and
 * JavaScript.  No network: nothing is loaded from anywhere.
 *
 * The slider picks a date; the script hides the ties absent at that date
 * (display:none), fades the entities with no tie then, and dashes the ties
 * only reported then.  Since every date shares one layout, nothing moves.
 * Hovering or clicking a tie shows its evidence sentence and source.
 * Opening the page with #selftest moves the slider from the first to the
 * last date, checks that the drawing changed and that no script error
 * happened, and writes PASS or FAIL into #selftest-result (read by the
 * headless-Chromium test, tests/render/html-selftest.sh).
 */
#include <string.h>

#include "render/render_int.h"

static const char page_css[] =
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;margin:0;"
    "color:#1a1a1a;background:#fff}\n"
    "header{padding:10px 16px;border-bottom:1px solid #ddd;display:flex;"
    "gap:16px;align-items:center;flex-wrap:wrap}\n"
    "header h1{font-size:20px;margin:0;min-width:9em}\n"
    "#slider{width:min(520px,60vw)}\n"
    "#ticks{font-size:12px;color:#555}\n"
    "main{display:flex;gap:12px;padding:8px 16px;align-items:flex-start}\n"
    "#graph{flex:1 1 auto;overflow:auto}\n"
    "#graph svg{max-width:100%;height:auto}\n"
    "aside{flex:0 0 300px;font-size:13px;line-height:1.4;border-left:"
    "3px solid #eee;padding:4px 12px;min-height:8em}\n"
    "aside .ev{font-style:italic;margin:.5em 0}\n"
    "aside .src{color:#555}\n"
    ".off{opacity:.16}\n"
    ".gone{display:none}\n"
    ".rep path{stroke-dasharray:6,3}\n"
    ".new path{stroke-width:3.2}\n"
    "#note{font-size:12px;color:#555}\n"
    "g.edge{cursor:pointer}\n"
    "g.edge:hover path,g.sel path{stroke-width:3.5}\n"
    "#selftest-result{font:12px monospace;padding:0 16px}\n";

static const char page_js[] =
    "(function(){\n"
    "var errs=[];\n"
    "window.addEventListener('error',function(e){errs.push(String("
    "e.message));});\n"
    "var D=KG_DATA,el=function(i){return document.getElementById(i);};\n"
    "var slider=el('slider'),info=el('info'),pinned=null,cur=0;\n"
    "function txt(p,cls,s){var d=document.createElement('div');"
    "if(cls)d.className=cls;d.textContent=s;p.appendChild(d);}\n"
    "function describe(id){var t=(D.edges[id]||[])[cur];info.textContent='';"
    "if(!t){txt(info,'','Hover or click a tie to see its evidence.');"
    "return;}\n"
    " txt(info,'',t.s+' \\u2013'+t.r+'\\u2192 '+t.o);\n"
    " var w=[];if(t.d)w.push(t.d);if(t.st!=='holds')w.push(t.st);"
    "if(t.ch)w.push(t.ch);if(t.am)w.push('amount '+t.am);"
    "if(t.sk)w.push('stake '+t.sk);if(t.ro)w.push('role '+t.ro);"
    "if(w.length)txt(info,'',w.join(' \\u00b7 '));\n"
    " if(t.ba)txt(info,'',t.ba);\n"
    " if(t.ev)txt(info,'ev','\\u201c'+t.ev+'\\u201d');\n"
    " var s=[t.src,t.doc,t.ed].filter(Boolean).join(', ');"
    "if(s)txt(info,'src','\\u2014 '+s);}\n"
    "function show(k){cur=k;var id,g,t;\n"
    " for(id in D.nodes){g=el(id);if(g)g.classList.toggle('off',"
    "!D.nodes[id][k]);}\n"
    " for(id in D.edges){g=el(id);if(!g)continue;t=D.edges[id][k];"
    "g.classList.toggle('gone',!t);g.classList.toggle('rep',"
    "!!t&&t.st==='reported');g.classList.toggle('new',"
    "k>0&&!!t&&!D.edges[id][k-1]);}\n"
    " el('date').textContent=D.heads[k];\n"
    " describe(pinned);}\n"
    "document.querySelectorAll('#graph g.edge').forEach(function(g){\n"
    " g.addEventListener('mouseenter',function(){if(!pinned)"
    "describe(g.id);});\n"
    " g.addEventListener('mouseleave',function(){if(!pinned)"
    "describe(null);});\n"
    " g.addEventListener('click',function(ev){ev.preventDefault();\n"
    "  if(pinned&&el(pinned))el(pinned).classList.remove('sel');\n"
    "  pinned=pinned===g.id?null:g.id;if(pinned)g.classList.add('sel');"
    "describe(pinned);});});\n"
    "slider.addEventListener('input',function(){show(+slider.value);});\n"
    "show(+slider.value);\n"
    "if(location.hash==='#selftest'){\n"
    " var sig=function(){var s='',n=0;document.querySelectorAll("
    "'#graph g.edge').forEach(function(g){var v=getComputedStyle(g)"
    ".display!=='none';s+=v?'1':'0';n+=v;});return [s,n];};\n"
    " var last=D.heads.length-1;slider.value=0;"
    "slider.dispatchEvent(new Event('input'));var a=sig();\n"
    " slider.value=last;slider.dispatchEvent(new Event('input'));"
    "var b=sig();\n"
    " var first=null;for(var id in D.edges){if(D.edges[id][last]){"
    "first=id;break;}}\n"
    " if(first)el(first).dispatchEvent(new MouseEvent('mouseenter'));\n"
    " var hover=first?info.textContent:'';\n"
    " var ok=errs.length===0&&!!document.querySelector('#graph svg')"
    "&&(last===0||a[0]!==b[0])&&(!first||hover.indexOf('\\u2192')>=0);\n"
    " el('selftest-result').textContent=(ok?'PASS':'FAIL')+' dates='+"
    "(last+1)+' visible-first='+a[1]+' visible-last='+b[1]+' errors='+"
    "errs.length+(errs.length?' '+errs.join('|'):'')+' hover='+"
    "JSON.stringify(hover.slice(0,80));}\n"
    "})();\n";

/* The SVG from its <svg element on (drops the XML prolog and DOCTYPE). */
static int put_svg(kg_buf *out, const char *svg, size_t len)
{
    const char *p = svg ? strstr(svg, "<svg") : NULL;
    if (!p)
        return KG_ERENDER;
    return kg_buf_put(out, p, len - (size_t)(p - svg));
}

/* Change class names, kg_change_kind order (as in diff output). */
static const char *const change_names[KG_CHANGE__COUNT] = {
    "appeared", "ended", "changed", "interrupted", "transient", "unchanged"};

/* One tie at one date as a JSON object. */
static int tie_json(kg_buf *b, const redge *e, const kg_tie *t)
{
    kg_buf d = KG_BUF_INIT;
    char ed[KG_DATE_STRLEN];
    int rc = KG_OK;
    rc |= kg_buf_puts(b, "{\"s\":");
    rc |= kg_render__esc_json(b, t->subject, 0);
    rc |= kg_buf_printf(b, ",\"r\":\"%s\",\"o\":",
                        kg_relation_name(t->relation));
    rc |= kg_render__esc_json(b, t->object, 0);
    rc |= kg_render__dates(&d, t);
    rc |= kg_buf_puts(b, ",\"d\":");
    rc |= kg_render__esc_json(b, d.ptr ? d.ptr : "", 0);
    rc |= kg_buf_printf(b, ",\"st\":\"%s\"", kg_status_name(t->status));
    if (e->change >= 0)
        rc |= kg_buf_printf(b, ",\"ch\":\"%s\"",
                            change_names[e->change]);
    if (e->before || e->after) {
        kg_buf ba = KG_BUF_INIT;
        kg_buf_printf(&ba, "before: %s; after: %s",
                      e->before ? e->before : "", e->after ? e->after : "");
        rc |= kg_buf_puts(b, ",\"ba\":");
        rc |= kg_render__esc_json(b, ba.ptr, 0);
        kg_buf_release(&ba);
    }
    if (t->amount) {
        rc |= kg_buf_puts(b, ",\"am\":");
        rc |= kg_render__esc_json(b, t->amount, 0);
    }
    if (t->stake >= 0)
        rc |= kg_buf_printf(b, ",\"sk\":\"%g%%\"", t->stake);
    if (t->role) {
        rc |= kg_buf_puts(b, ",\"ro\":");
        rc |= kg_render__esc_json(b, t->role, 0);
    }
    if (t->evidence) {
        rc |= kg_buf_puts(b, ",\"ev\":");
        rc |= kg_render__esc_json(b, t->evidence, 600);
    }
    if (t->doc) {
        rc |= kg_buf_puts(b, ",\"doc\":");
        rc |= kg_render__esc_json(b, t->doc, 0);
    }
    if (t->source) {
        rc |= kg_buf_puts(b, ",\"src\":");
        rc |= kg_render__esc_json(b, t->source, 0);
    }
    kg_date_format(ed, t->evidence_date);
    if (ed[0])
        rc |= kg_buf_printf(b, ",\"ed\":\"%s\"", ed);
    rc |= kg_buf_putc(b, '}');
    kg_buf_release(&d);
    return rc ? KG_ENOMEM : KG_OK;
}

/* Heading of frame k: its date, or the window of a diff. */
static int heading(kg_buf *b, const rmodel *m, size_t k)
{
    char d1[KG_DATE_STRLEN], d2[KG_DATE_STRLEN];
    if (m->mode == RMODE_TIMELINE) {
        kg_date_format(d1, m->dates[k]);
        return kg_buf_puts(b, d1);
    }
    kg_date_format(d1, m->from);
    if (m->mode == RMODE_SNAPSHOT)
        return kg_buf_puts(b, d1[0] ? d1 : "all dates");
    kg_date_format(d2, m->to);
    return kg_buf_printf(b, "%s \xE2\x86\x92 %s", d1, d2);
}

static int data_json(kg_buf *b, const rmodel *m)
{
    size_t i, k;
    int rc = kg_buf_puts(b, "{\"heads\":[");
    kg_buf h = KG_BUF_INIT;
    for (k = 0; k < m->nframes; k++) {
        kg_buf_clear(&h);
        heading(&h, m, k);
        rc |= kg_buf_puts(b, k ? "," : "");
        rc |= kg_render__esc_json(b, h.ptr ? h.ptr : "", 0);
    }
    kg_buf_release(&h);
    rc |= kg_buf_puts(b, "],\n\"nodes\":{");
    for (i = 0, k = 0; i < m->nn; i++) {
        size_t f, j;
        if (!m->nodes[i].keep)
            continue;
        rc |= kg_buf_printf(b, "%s\"n%d\":[", k++ ? "," : "",
                            m->nodes[i].id);
        for (f = 0; f < m->nframes; f++) {
            int on = 0;
            for (j = 0; j < m->ne && !on; j++) {
                const redge *e = &m->edges[j];
                on = e->keep && e->at[f] && (e->a == i || e->b == i);
            }
            rc |= kg_buf_printf(b, "%s%d", f ? "," : "", on);
        }
        rc |= kg_buf_putc(b, ']');
    }
    rc |= kg_buf_puts(b, "},\n\"edges\":{");
    for (i = 0, k = 0; i < m->ne; i++) {
        const redge *e = &m->edges[i];
        size_t f;
        if (!e->keep)
            continue;
        rc |= kg_buf_printf(b, "%s\n\"e%d\":[", k++ ? "," : "", e->id);
        for (f = 0; f < m->nframes; f++) {
            rc |= kg_buf_puts(b, f ? "," : "");
            if (e->at[f])
                rc |= tie_json(b, e, e->at[f]);
            else
                rc |= kg_buf_puts(b, "null");
        }
        rc |= kg_buf_putc(b, ']');
    }
    rc |= kg_buf_puts(b, "}}");
    return rc ? KG_ENOMEM : KG_OK;
}

int kg_render__html(kg_buf *out, const rmodel *m, const char *svg,
                    size_t svg_len, const char *title, kg_error *err)
{
    kg_buf h = KG_BUF_INIT;
    size_t k, last = m->nframes ? m->nframes - 1 : 0;
    int rc = KG_OK;

    rc |= kg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                           "<meta charset=\"utf-8\">\n<title>");
    if (title) {
        rc |= kg_render__esc_html(out, title, 200);
    } else {
        rc |= kg_buf_puts(out, "corpgraph: ");
        for (k = 0; k < m->nframes; k++) {
            kg_buf_clear(&h);
            heading(&h, m, k);
            rc |= kg_buf_puts(out, k ? ", " : "");
            rc |= kg_render__esc_html(out, h.ptr, 0);
        }
    }
    rc |= kg_buf_puts(out, "</title>\n<style>\n");
    rc |= kg_buf_puts(out, page_css);
    rc |= kg_buf_puts(out, "</style>\n</head>\n<body>\n<header>"
                           "<h1 id=\"date\"></h1>\n");
    rc |= kg_buf_printf(out,
                        "<input type=\"range\" id=\"slider\" min=\"0\" "
                        "max=\"%zu\" step=\"1\" value=\"%zu\" "
                        "aria-label=\"date\"%s>\n<span id=\"ticks\">",
                        last, last, m->nframes > 1 ? "" : " hidden");
    for (k = 0; m->nframes > 1 && k < m->nframes; k++) {
        kg_buf_clear(&h);
        heading(&h, m, k);
        rc |= kg_buf_puts(out, k ? " \xC2\xB7 " : "");
        rc |= kg_render__esc_html(out, h.ptr, 0);
    }
    rc |= kg_buf_puts(out, "</span>");
    if (m->nframes > 1)
        rc |= kg_buf_puts(out, "<span id=\"note\">thick line: new since "
                               "the previous date; faded entity: no tie at "
                               "that date</span>");
    rc |= kg_buf_puts(out, "</header>\n<main>\n<div id=\"graph\">\n");
    if (rc == KG_OK && put_svg(out, svg, svg_len) != KG_OK) {
        kg_buf_release(&h);
        return kg_error_set(err, KG_ERENDER, "Graphviz gave no SVG");
    }
    rc |= kg_buf_puts(out, "</div>\n<aside id=\"info\">Hover or click a "
                           "tie to see its evidence.</aside>\n</main>\n"
                           "<div id=\"selftest-result\"></div>\n"
                           "<script>\nvar KG_DATA=");
    rc |= data_json(out, m);
    rc |= kg_buf_puts(out, ";\n</script>\n<script>\n");
    rc |= kg_buf_puts(out, page_js);
    rc |= kg_buf_puts(out, "</script>\n</body>\n</html>\n");
    kg_buf_release(&h);
    return rc ? kg_error_set(err, KG_ENOMEM, "out of memory") : KG_OK;
}
