{{%AUTOESCAPE context="HTML"}}
{{! ropa.tpl - staff only: the Article 30 record, one row per purpose; prints on A4 landscape. CONTROLLER ADDRESS }}
{{! EMAIL, PHONE(TEXT), DPO/REPRESENTATIVE (C_NAME C_EMAIL C_ADDRESS C_PHONE), AS_OF(DATE), CSV_HREF. ROW: TITLE ID HREF }}
{{! SUMMARY BASIS, ROW_STATUS ROW_LI ROW_SC (TEXT), SUBJECT(NAME), CATEGORY(NAME KEY CAT_SPECIAL), RECIPIENT(NAME ROLE }}
{{! COUNTRY), TRANSFER RETENTION SECURITY (TEXT), NO_RECIPIENTS NO_TRANSFERS NO_SECURITY. NONE. }}
<div class="ropa">
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">The record of processing activities under Article 30(1) GDPR: one row per purpose. <a class="no-print" href="{{CSV_HREF}}">Download as CSV</a>{{#AS_OF}} · As of {{DATE}}{{/AS_OF}}</p>
<dl class="facts-list controller">
<dt>Controller</dt><dd>{{CONTROLLER}}, {{ADDRESS}} · {{EMAIL}}{{#PHONE}} · {{TEXT}}{{/PHONE}}</dd>
{{#DPO}}<dt>Data protection officer</dt><dd>{{#C_NAME}}{{TEXT}}{{/C_NAME}}{{#C_EMAIL}} · {{TEXT}}{{/C_EMAIL}}{{#C_ADDRESS}} · {{TEXT}}{{/C_ADDRESS}}{{#C_PHONE}} · {{TEXT}}{{/C_PHONE}}</dd>
{{/DPO}}
{{#REPRESENTATIVE}}<dt>Representative</dt><dd>{{#C_NAME}}{{TEXT}}{{/C_NAME}}{{#C_EMAIL}} · {{TEXT}}{{/C_EMAIL}}{{#C_ADDRESS}} · {{TEXT}}{{/C_ADDRESS}}{{#C_PHONE}} · {{TEXT}}{{/C_PHONE}}</dd>
{{/REPRESENTATIVE}}
</dl>
{{#NONE}}<p>No purposes are recorded.</p>
{{/NONE}}
{{#HAS_ROWS}}<div class="table-wrap" role="region" aria-label="Record of processing" tabindex="0">
<table class="data ropa-table">
<colgroup><col class="c-purpose"><col class="c-basis"><col class="c-subjects"><col class="c-categories"><col class="c-recipients"><col class="c-transfers"><col class="c-retention"><col class="c-security"></colgroup>
<thead>
<tr><th scope="col">Purpose</th><th scope="col">Legal basis</th><th scope="col">Data subjects</th><th scope="col">Data categories</th><th scope="col">Recipients</th><th scope="col">Transfers and safeguards</th><th scope="col">Retention</th><th scope="col">Security measures</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>
<th scope="row"><a href="{{HREF}}">{{TITLE}}</a>{{#ROW_STATUS}} <span class="tag">{{TEXT}}</span>{{/ROW_STATUS}}<span class="sub">{{SUMMARY}}</span></th>
<td>{{BASIS}}{{#ROW_LI}}<span class="sub">Interest: {{TEXT}}</span>{{/ROW_LI}}{{#ROW_SC}}<span class="sub">Art. 9(2): {{TEXT}}</span>{{/ROW_SC}}</td>
<td><ul class="plain">{{#SUBJECT}}<li>{{NAME}}</li>{{/SUBJECT}}</ul></td>
<td><ul class="plain">{{#CATEGORY}}<li>{{NAME}}{{#CAT_SPECIAL}} <span class="tag tag-special">Art. 9/10</span>{{/CAT_SPECIAL}}</li>{{/CATEGORY}}</ul></td>
<td>{{#NO_RECIPIENTS}}None{{/NO_RECIPIENTS}}<ul class="plain">{{#RECIPIENT}}<li>{{NAME}} ({{ROLE}}, {{COUNTRY}})</li>{{/RECIPIENT}}</ul></td>
<td>{{#NO_TRANSFERS}}None{{/NO_TRANSFERS}}<ul class="plain">{{#TRANSFER}}<li>{{TEXT}}</li>{{/TRANSFER}}</ul></td>
<td><ul class="plain">{{#RETENTION}}<li>{{TEXT}}</li>{{/RETENTION}}</ul></td>
<td>{{#NO_SECURITY}}<span class="tag tag-warn">None recorded</span>{{/NO_SECURITY}}<ul class="plain">{{#SECURITY}}<li>{{TEXT}}</li>{{/SECURITY}}</ul></td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/HAS_ROWS}}
</div>
