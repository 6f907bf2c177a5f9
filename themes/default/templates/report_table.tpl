{{%AUTOESCAPE context="HTML"}}
{{! report_table.tpl - one report series as a table (included by report.tpl and access.tpl): a row per period, a column }}
{{! per group, the period totals last, the group totals in the foot. TABLE_ID CAPTION PERIOD_HEAD, GROUP_HEAD(NAME), }}
{{! ROW(PERIOD CELL), FOOT(LABEL CELL). CELL: TEXT, C_TOTAL, C_HIDDEN (fewer than N / withheld), C_MISSING, and for staff on }}
{{! a public series C_PUB(PUB): what the public site shows instead. Every figure is already disclosed for the audience. }}
<div class="table-wrap" role="region" aria-labelledby="{{TABLE_ID}}-cap" tabindex="0">
<table class="data report-table" id="{{TABLE_ID}}">
<caption id="{{TABLE_ID}}-cap">{{CAPTION}}</caption>
<thead>
<tr><th scope="col">{{PERIOD_HEAD}}</th>{{#GROUP_HEAD}}<th scope="col" class="num">{{NAME}}</th>{{/GROUP_HEAD}}<th scope="col" class="num">Total</th></tr>
</thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{PERIOD}}</th>{{#CELL}}<td class="num{{#C_TOTAL}} total{{/C_TOTAL}}{{#C_HIDDEN}} sdc-hidden{{/C_HIDDEN}}{{#C_MISSING}} sdc-missing{{/C_MISSING}}">{{TEXT}}{{#C_PUB}} <span class="sdc-public">public: {{PUB}}</span>{{/C_PUB}}</td>{{/CELL}}</tr>
{{/ROW}}
</tbody>
<tfoot>
{{#FOOT}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td class="num total{{#C_HIDDEN}} sdc-hidden{{/C_HIDDEN}}">{{TEXT}}{{#C_PUB}} <span class="sdc-public">public: {{PUB}}</span>{{/C_PUB}}</td>{{/CELL}}</tr>
{{/FOOT}}
</tfoot>
</table>
</div>
