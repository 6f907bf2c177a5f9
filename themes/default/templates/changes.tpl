{{%AUTOESCAPE context="HTML"}}
{{! changes.tpl - the public changelog: adopted decisions with a public summary, newest first. FEED_HREF, }}
{{! CHANGE_ITEM(ID TITLE SUMMARY DECIDED DATETIME, CH_AFFECTS, CH_ITEM(NAME KIND, CH_LINK(HREF), CH_NOLINK)), }}
{{! NO_CHANGES, STAFF (LOG_HREF). Never a rationale: the public build has none to give. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">When our data policy committee decides to change how we use your data, we say so here, newest first.</p>
<p><a href="{{FEED_HREF}}" type="application/atom+xml">Follow these changes in a feed reader (Atom feed)</a></p>
{{#STAFF}}<p class="callout callout-staff">This is the changelog exactly as the public sees it: adopted decisions that have a public summary. Every decision, with its reasons, is in the <a href="{{LOG_HREF}}">decision log</a>.</p>
{{/STAFF}}
{{#NO_CHANGES}}<p>No changes have been published yet.</p>
{{/NO_CHANGES}}
{{#CHANGE_ITEM}}<article class="change card" id="d-{{ID}}" aria-labelledby="h-d-{{ID}}">
<h2 id="h-d-{{ID}}">{{TITLE}}</h2>
<p class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — {{ID}}</p>
<p>{{SUMMARY}}</p>
{{#CH_AFFECTS}}<p class="meta">About: {{#CH_ITEM}}<span class="item">{{#CH_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/CH_LINK}}{{#CH_NOLINK}}{{NAME}}{{/CH_NOLINK}}</span>{{/CH_ITEM}}</p>
{{/CH_AFFECTS}}
</article>
{{/CHANGE_ITEM}}
