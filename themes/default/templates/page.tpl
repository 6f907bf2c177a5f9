{{%AUTOESCAPE context="HTML"}}
{{! page.tpl - a free Markdown page. TITLE ID, HAS_BODY(BODY: cmark HTML, unescaped), INTERNAL_PAGE, NOTES. }}
<article class="prose page">
<h1>{{TITLE}}</h1>
{{#INTERNAL_PAGE}}<p class="callout callout-staff">This page is for staff only.</p>
{{/INTERNAL_PAGE}}
{{#HAS_BODY}}{{BODY:none}}
{{/HAS_BODY}}
</article>
{{>NOTES}}
