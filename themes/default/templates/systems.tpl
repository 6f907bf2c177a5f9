{{%AUTOESCAPE context="HTML"}}
{{! systems.tpl - staff only: every system. SYSTEM: ID NAME HREF, S_DESC(TEXT), CUSTODIAN, S_VENDOR(NAME), LOCATIONS, }}
{{! NDATA, INTERNAL_ONLY. NONE. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">Every application, database and service that holds personal data, with the team accountable for it.</p>
{{#NONE}}<p>No systems are recorded.</p>
{{/NONE}}
{{#HAS_SYSTEMS}}<div class="table-wrap" role="region" aria-label="Systems" tabindex="0">
<table class="data stack">
<thead>
<tr><th scope="col">System</th><th scope="col">What it is</th><th scope="col">Custodian</th><th scope="col">Run by</th><th scope="col">Stored in</th><th scope="col" class="num">Data items</th></tr>
</thead>
<tbody>
{{#SYSTEM}}<tr>
<th scope="row"><a href="{{HREF}}">{{NAME}}</a>{{#INTERNAL_ONLY}} <span class="tag tag-staff">Internal</span>{{/INTERNAL_ONLY}}</th>
<td data-label="What it is">{{#S_DESC}}{{TEXT}}{{/S_DESC}}</td>
<td data-label="Custodian">{{CUSTODIAN}}</td>
<td data-label="Run by">{{#S_VENDOR}}{{NAME}}{{/S_VENDOR}}</td>
<td data-label="Stored in">{{LOCATIONS}}</td>
<td class="num" data-label="Data items">{{NDATA}}</td>
</tr>
{{/SYSTEM}}
</tbody>
</table>
</div>
{{/HAS_SYSTEMS}}
