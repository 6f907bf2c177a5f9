{{%AUTOESCAPE context="HTML"}}
{{! reports.tpl - reports/index.html: every report series of the audience. REPORT: TITLE HREF CSV_HREF MEASURE BY PER RANGE, }}
{{! R_STAFF(AUDIENCE) and R_ACCESS(ACCESS_HREF) for staff. NONE, HAS_REPORTS. RULES (public): MIN_COUNT, ROUNDED(ROUND_TO). }}
{{! ACCESS_INDEX(HREF) for staff. }}
<h1>{{PAGE_TITLE}}</h1>
{{#STAFF}}<p class="lead">Every report series, with exact counts. Series marked public are also on the public site, with small counts hidden.</p>
{{/STAFF}}
{{#RULES}}<p class="lead">Figures about how personal data is used and asked for, period by period. They count requests and events, never people you could pick out: counts under {{MIN_COUNT}} are shown as “fewer than {{MIN_COUNT}}”{{#ROUNDED}} and the others are rounded to the nearest {{ROUND_TO}}{{/ROUNDED}}.</p>
{{/RULES}}
{{#NONE}}<p>No reports yet.</p>
{{/NONE}}
{{#HAS_REPORTS}}<ul class="report-list">
{{#REPORT}}<li>
<h2><a href="{{HREF}}">{{TITLE}}</a>{{#R_STAFF}} <span class="tag tag-staff">{{AUDIENCE}}</span>{{/R_STAFF}}</h2>
<p class="meta">{{MEASURE}}, by {{BY}}, per {{PER}}: {{RANGE}}. <a href="{{CSV_HREF}}">CSV</a>{{#R_ACCESS}} · <a href="{{ACCESS_HREF}}">Accountability view</a>{{/R_ACCESS}}</p>
</li>
{{/REPORT}}
</ul>
{{/HAS_REPORTS}}
{{#ACCESS_INDEX}}<p><a href="{{HREF}}">Access accountability: who opened how many records</a></p>
{{/ACCESS_INDEX}}
