{{%AUTOESCAPE context="HTML"}}
{{! report.tpl - reports/<id>.html: one report series. TITLE MEASURE_CAP BY PER RANGE INDEX_HREF CSV_HREF. }}
{{! RULES (public): MIN_COUNT, ROUNDED(ROUND_TO), WITHHELD. EXACT (staff): PUBLIC_VERSION(P_ROUNDED(ROUND_TO)), ACCESS_LINK(HREF). }}
{{! CHART: an inline SVG written and escaped by glasshouse (chart.c), the one :none here; CHART_CAPTION. }}
{{! TABLE: report_table.tpl. CHANGE (public), DECISION (staff), NOTES. }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{INDEX_HREF}}">Reports</a></li>
<li><span aria-current="page">{{TITLE}}</span></li>
</ol>
</nav>
<h1>{{TITLE}}</h1>
<p class="lead">{{MEASURE_CAP}}, by {{BY}}, per {{PER}}: {{RANGE}}.</p>
{{#CHANGE}}<p class="callout callout-change"><strong>Recent change:</strong> {{SUMMARY}} <span class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></span></p>
{{/CHANGE}}
{{#RULES}}<div class="callout disclosure-note" role="note">
<p><strong>How these figures protect the people counted.</strong> A count under {{MIN_COUNT}} is shown as “fewer than {{MIN_COUNT}}”, never as a number (a zero stays 0).{{#ROUNDED}} Other figures are rounded to the nearest {{ROUND_TO}}; totals are rounded from the true counts, so they may differ from the sum of the rounded figures.{{/ROUNDED}}{{#WITHHELD}} Where a hidden count could be worked out from the totals, other figures are “withheld” too.{{/WITHHELD}}</p>
</div>
{{/RULES}}
{{#EXACT}}<p class="callout callout-staff"><strong>Exact counts, staff only.</strong>{{#PUBLIC_VERSION}} This series is public. The public site rounds its figures{{#P_ROUNDED}} to the nearest {{ROUND_TO}}{{/P_ROUNDED}} and hides some: those cells say what it shows instead (“public: …”).{{/PUBLIC_VERSION}}{{#ACCESS_LINK}} See also the <a href="{{HREF}}">accountability view</a> (trends and highlights).{{/ACCESS_LINK}}</p>
{{/EXACT}}
<figure class="chart-figure">
<div class="chart-scroll" role="region" tabindex="0" aria-labelledby="chart-cap">
{{CHART:none}}
</div>
<figcaption id="chart-cap">{{CHART_CAPTION}} Every figure is also in the table below.</figcaption>
</figure>
{{>TABLE}}
<p class="downloads"><a href="{{CSV_HREF}}">Download this table as CSV</a></p>
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
