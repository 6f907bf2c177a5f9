{{%AUTOESCAPE context="HTML"}}
{{! access.tpl - staff only: access/<id>.html, one kind: access series. TITLE MEASURE_CAP BY BY_CAP WHO PER RANGE LATEST }}
{{! INDEX_HREF REPORT_HREF CSV_HREF. PREV(PREVIOUS). HL_INTRO, HL (NAME LESS FROM TO, HL_PCT(PCT)), NO_HL, SINGLE. }}
{{! TEAM: NAME SPARK NOW BEFORE CHANGE CH_CLASS (down, up, same, new). TEAM_TOTAL: NOW BEFORE CHANGE CH_CLASS. }}
{{! SPARK and CHART: inline SVG written and escaped by glasshouse (chart.c), the only :none here. CHART_CAPTION, TABLE, }}
{{! DECISION, NOTES. }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{INDEX_HREF}}">Access</a></li>
<li><span aria-current="page">{{TITLE}}</span></li>
</ol>
</nav>
<h1>{{TITLE}}</h1>
<p class="lead">{{MEASURE_CAP}}, by {{BY}}, per {{PER}}. Latest: {{LATEST}}{{#PREV}}, compared with {{PREVIOUS}}{{/PREV}}.</p>

<section class="highlights" aria-labelledby="hl-h">
<h2 id="hl-h">Less access in {{LATEST}}</h2>
{{#HL_INTRO}}<p>These {{WHO}} opened fewer records than in {{PREVIOUS}}. Every record left unopened is privacy kept: thank you.</p>
<ul class="highlight-list">
{{#HL}}<li><strong>{{NAME}}</strong>: {{LESS}} fewer than in {{PREVIOUS}} ({{FROM}} → {{TO}}{{#HL_PCT}}, {{PCT}} less{{/HL_PCT}})</li>
{{/HL}}
</ul>
{{/HL_INTRO}}
{{#NO_HL}}<p>This time no one in this series opened fewer records than in {{PREVIOUS}}. The table below shows where access grew.</p>
{{/NO_HL}}
{{#SINGLE}}<p>There is only one period so far: the comparison starts with the next one.</p>
{{/SINGLE}}
</section>

<section aria-labelledby="teams-h">
<h2 id="teams-h">{{BY_CAP}} by {{BY}}</h2>
<div class="table-wrap" role="region" aria-labelledby="teams-cap" tabindex="0">
<table class="data access-table">
<caption id="teams-cap">{{MEASURE_CAP}} in {{LATEST}}{{#PREV}} and {{PREVIOUS}}{{/PREV}}, with the trend over {{RANGE}}</caption>
<thead>
<tr><th scope="col">{{BY_CAP}}</th><th scope="col">Trend</th><th scope="col" class="num">{{LATEST}}</th>{{#PREV}}<th scope="col" class="num">{{PREVIOUS}}</th><th scope="col" class="num">Change</th>{{/PREV}}</tr>
</thead>
<tbody>
{{#TEAM}}<tr><th scope="row">{{NAME}}</th><td class="spark-cell">{{SPARK:none}}</td><td class="num">{{NOW}}</td>{{#T_PREV}}<td class="num">{{BEFORE}}</td><td class="num change change-{{CH_CLASS}}">{{CHANGE}}</td>{{/T_PREV}}</tr>
{{/TEAM}}
</tbody>
{{#TEAM_TOTAL}}<tfoot>
<tr><th scope="row">All</th><td></td><td class="num total">{{NOW}}</td>{{#T_PREV}}<td class="num total">{{BEFORE}}</td><td class="num total change change-{{CH_CLASS}}">{{CHANGE}}</td>{{/T_PREV}}</tr>
</tfoot>
{{/TEAM_TOTAL}}
</table>
</div>
</section>

<section aria-labelledby="all-h">
<h2 id="all-h">Every period</h2>
<figure class="chart-figure">
<div class="chart-scroll" role="region" tabindex="0" aria-labelledby="chart-cap">
{{CHART:none}}
</div>
<figcaption id="chart-cap">{{CHART_CAPTION}} Every figure is also in the table below.</figcaption>
</figure>
{{>TABLE}}
<p class="downloads"><a href="{{CSV_HREF}}">Download this table as CSV</a> · <a href="{{REPORT_HREF}}">Report page</a></p>
</section>
{{#DECISION}}<section class="staff" aria-labelledby="decision-h">
<h2 id="decision-h">Latest committee decision</h2>
<p class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></p>
<p><strong>{{TITLE}}</strong> ({{STATUS}}, {{VISIBILITY}}){{#PUBLIC_SUMMARY}}. Public summary: {{TEXT}}{{/PUBLIC_SUMMARY}}</p>
{{#RATIONALE}}<div class="prose rationale">{{HTML:none}}</div>
{{/RATIONALE}}
{{#DEC_NOTE}}<p class="meta"><strong>{{KEY}}:</strong> {{TEXT}}</p>
{{/DEC_NOTE}}
</section>
{{/DECISION}}
{{>NOTES}}
