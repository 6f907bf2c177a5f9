{{%AUTOESCAPE context="HTML"}}
{{! footer.tpl - who is responsible, how to reach them, the date. }}
<footer class="site-footer">
<div class="wrap">
<p>{{ORG_NAME}} · <a href="mailto:{{ORG_EMAIL}}">{{ORG_EMAIL}}</a> · <a href="{{RIGHTS_HREF}}">Your rights</a></p>
{{#UPDATED}}<p>Last updated <time datetime="{{ISO}}">{{DATE}}</time></p>
{{/UPDATED}}
{{#INTERNAL}}<p class="footer-internal">Internal — staff wiki. Not for publication.</p>
{{/INTERNAL}}
</div>
</footer>
