{{%AUTOESCAPE context="HTML"}}
{{! access_index.tpl - staff only: access/index.html, every kind: access series. SERIES: ID TITLE HREF REPORT_HREF SUMMARY, }}
{{! S_HL (NAME LESS), S_NO_HL. NONE. REPORTS_HREF. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">How many personal records each team opened, period by period. The point is to see where broad access is still needed, and to celebrate the teams that manage with less — not to catch anyone out.</p>
{{#NONE}}<p>No access report yet: add a series with <code>kind: access</code> under <code>reports/</code>.</p>
{{/NONE}}
{{#SERIES}}<section class="access-series" aria-labelledby="s-{{ID}}">
<h2 id="s-{{ID}}"><a href="{{HREF}}">{{TITLE}}</a></h2>
<p>{{SUMMARY}}</p>
{{#S_HL_LIST}}<ul class="highlight-list">
{{#S_HL}}<li><strong>{{NAME}}</strong>: {{LESS}} fewer</li>
{{/S_HL}}
</ul>
{{/S_HL_LIST}}
<p class="meta"><a href="{{REPORT_HREF}}">Full table</a></p>
</section>
{{/SERIES}}
<p><a href="{{REPORTS_HREF}}">All reports</a></p>
