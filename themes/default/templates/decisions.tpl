{{%AUTOESCAPE context="HTML"}}
{{! decisions.tpl - the decision log (internal), newest first. COMMITTEE_HREF CHANGES_HREF, HAS_DECISIONS/NO_DECISIONS, }}
{{! ROW(ID TITLE STATUS STATUS_LABEL DECIDED DATETIME PUBLISHED), DECISION_ITEM(ID VERB TITLE STATUS STATUS_LABEL DECIDED }}
{{! DATETIME, DI_INTERNAL, DI_AFFECT(NAME KIND, DI_LINK(HREF), DI_NOLINK), DI_NO_AFFECTS, DI_SUMMARY(TEXT), DI_NO_SUMMARY, }}
{{! DI_PUBLISHED(HREF), DI_UNPUBLISHED(WHY), DI_RATIONALE(HTML: cmark output, unescaped), DI_NO_RATIONALE, }}
{{! DI_SOURCE(PATH), NOTES). }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{COMMITTEE_HREF}}">Committee</a></li>
<li><span aria-current="page">{{PAGE_TITLE}}</span></li>
</ol>
</nav>
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">Every decision of the data policy committee, newest first: what it decided, why, and what it touched. Adopted decisions with a public summary also appear in the public <a href="{{CHANGES_HREF}}">changelog</a>; the reasons never do.</p>
{{#NO_DECISIONS}}<p>No decisions are recorded yet.</p>
{{/NO_DECISIONS}}
{{#HAS_DECISIONS}}<div class="table-wrap" role="region" aria-labelledby="index-h" tabindex="0">
<table class="decision-index">
<caption id="index-h">All decisions</caption>
<thead>
<tr><th scope="col">Date</th><th scope="col">Decision</th><th scope="col">Status</th><th scope="col">In the changelog</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>
<td><time datetime="{{DATETIME}}">{{DECIDED}}</time></td>
<th scope="row"><a href="#d-{{ID}}">{{TITLE}}</a></th>
<td><span class="tag status-{{STATUS}}">{{STATUS_LABEL}}</span></td>
<td>{{PUBLISHED}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{#DECISION_ITEM}}<article class="decision card" id="d-{{ID}}" aria-labelledby="h-d-{{ID}}">
<h2 id="h-d-{{ID}}">{{TITLE}}</h2>
<p class="provenance">{{VERB}} <time datetime="{{DATETIME}}">{{DECIDED}}</time> — {{ID}} <span class="tag status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#DI_INTERNAL}} <span class="tag tag-staff">Internal decision</span>{{/DI_INTERNAL}}</p>
<dl class="facts-list">
<dt>Affects</dt><dd>{{#DI_AFFECT}}<span class="item">{{#DI_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/DI_LINK}}{{#DI_NOLINK}}{{NAME}}{{/DI_NOLINK}} <span class="kind">({{KIND}})</span></span>{{/DI_AFFECT}}{{#DI_NO_AFFECTS}}<span class="none">Nothing listed</span>{{/DI_NO_AFFECTS}}</dd>
<dt>Public summary</dt><dd>{{#DI_SUMMARY}}{{TEXT}}{{/DI_SUMMARY}}{{#DI_NO_SUMMARY}}<span class="none">None</span>{{/DI_NO_SUMMARY}}</dd>
<dt>In the changelog</dt><dd>{{#DI_PUBLISHED}}<a href="{{HREF}}">Yes</a>{{/DI_PUBLISHED}}{{#DI_UNPUBLISHED}}No: {{WHY}}{{/DI_UNPUBLISHED}}</dd>
{{#DI_SOURCE}}<dt>Source</dt><dd><code>{{PATH}}</code></dd>
{{/DI_SOURCE}}
</dl>
{{#DI_RATIONALE}}<h3>Rationale</h3>
<div class="prose rationale">{{HTML:none}}</div>
{{/DI_RATIONALE}}
{{#DI_NO_RATIONALE}}<p class="none">No rationale recorded.</p>
{{/DI_NO_RATIONALE}}
{{>NOTES}}
</article>
{{/DECISION_ITEM}}
{{/HAS_DECISIONS}}
