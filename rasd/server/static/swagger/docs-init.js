(()=>{window.ui=SwaggerUIBundle({url:"/openapi.json",dom_id:"#swagger-ui",deepLinking:!0,presets:[SwaggerUIBundle.presets.apis],layout:"BaseLayout",validatorUrl:null});})();
