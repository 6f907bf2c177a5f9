{{%AUTOESCAPE context="HTML"}}
{{! notes.tpl - staff-only "internal:" notes. NOTE: KEY, TEXT. Only }}
{{! the internal build ever fills this include. }}
<div class="staff-notes">
{{#H2}}<h2>Internal notes</h2>{{/H2}}{{#H3}}<h3>Internal notes</h3>{{/H3}}
<dl>
{{#NOTE}}<dt>{{KEY}}</dt>
<dd>{{TEXT}}</dd>
{{/NOTE}}
</dl>
</div>
